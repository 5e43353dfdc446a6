#!/usr/bin/env python3
"""Build corpus.gold.jsonl, the gold annotations of the project's own corpus.

The annotations live in this file as text anchors; the offsets are computed
here.  Offsets are Python str (code point) indices into
open(path, encoding='utf-8').read(), end excluded.  The output format and
the annotation guidelines are those of ../../../shared/gold/README.md
(copied into ../README.md in short).

Span specs (`sp()` turns each form into a Span):
  'needle'              the needle must occur exactly once in the article
  'start||end'          from the unique `start` through the first `end` after it
  ('needle', 'context') the needle must occur exactly once inside `context`,
                        which must itself occur exactly once in the article
  ('needle', 3)         the 3rd occurrence (1-based) of the needle
Either tuple form may use 'start||end' as its needle.  Any missing or
ambiguous anchor stops the build with an error.

Usage: python3 corpus/gold/build_gold.py   (writes corpus.gold.jsonl beside
this script and prints the counts)
"""
import calendar
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
OUT = os.path.join(HERE, 'corpus.gold.jsonl')


class AnchorError(Exception):
    pass


class Span:
    def __init__(self, needle, ctx=None, nth=None):
        self.end = None
        if '||' in needle:
            needle, self.end = needle.split('||', 1)
        self.needle, self.ctx, self.nth = needle, ctx, nth

    def __repr__(self):
        return 'Span(%r, ctx=%r, nth=%r, end=%r)' % (self.needle, self.ctx, self.nth, self.end)

    def resolve(self, text):
        lo, hi = 0, len(text)
        if self.ctx is not None:
            n = text.count(self.ctx)
            if n != 1:
                raise AnchorError('context %r occurs %d times' % (self.ctx, n))
            lo = text.index(self.ctx)
            hi = lo + len(self.ctx)
        region = text[lo:hi]
        starts = [m.start() for m in re.finditer(re.escape(self.needle), region)]
        if self.nth is not None:
            if not 1 <= self.nth <= len(starts):
                raise AnchorError('%r: occurrence %d of %d' % (self, self.nth, len(starts)))
            s = lo + starts[self.nth - 1]
        else:
            if len(starts) != 1:
                raise AnchorError('%r occurs %d times; give a context or an index' % (self, len(starts)))
            s = lo + starts[0]
        e = s + len(self.needle)
        if self.end is not None:
            j = text.find(self.end, s + 1)
            if j < 0:
                raise AnchorError('%r: end anchor not found' % (self,))
            e = j + len(self.end)
            if e < s + len(self.needle):
                raise AnchorError('%r: end anchor falls inside the start anchor' % (self,))
        return s, e


def sp(spec):
    if spec is None:
        return None
    if isinstance(spec, Span):
        return spec
    if isinstance(spec, str):
        return Span(spec)
    needle, where = spec
    if isinstance(where, int):
        return Span(needle, nth=where)
    return Span(needle, ctx=where)


def A(content, direct, source, cue, speaker, date=None, by=None, note=None):
    """One attribution: content/source/cue are span specs."""
    return dict(content=content, direct=direct, source=source, cue=cue, speaker=speaker,
                date=date, reported_by=by, note=note)


def P(name, aliases, titles=()):
    return dict(name=name, aliases=list(aliases), titles=list(titles))


def D(spec, value, future=False):
    """A date expression; future=True where the tense points forward (see README)."""
    return dict(spec=spec, value=value, future=future)


# Notes used more than once.
SPLIT2 = 'split quote, second part: same source and cue as the first part'
CONT = 'continuation: paragraph quote with no cue of its own (previous paragraph left the quote open)'
NOMINAL = 'nominal report: speech-act verb + content NP'
DIRECTIVE = 'reported directive: content = addressee + infinitive clause'
COORD = 'coordinated verb shares the source of the first verb'
TWO_THAT = 'two coordinated that-clauses under one cue: one attribution whose content spans both'
APPOS_NAME = 'the name is an apposition set off by commas, so the source is the head noun phrase only'
NOT_BY = 'not reported_by (no outlet or intermediary named)'
PLATFORM = 'a platform (X, Twitter) is not an intermediary: reported_by null'
NESTED = 'nested quote inside another speaker\'s quote; reported_by = the quoting speaker'
GROUP = 'unnamed group: speaker null'
INH = 'inherited'

ARTICLES = {}

# ---------------------------------------------------------------- 1
ARTICLES['ap_city_council_budget'] = dict(
    style='curly',
    orgs=[],
    attributions=[
        A('This is not the budget||we can afford', True,
          'Mayor Denise Whitfield', ('said', 'afford,” said Mayor'), 'Denise Whitfield',
          note='inverted "said X"; relative clause "who had pushed ..." excluded from source'),
        A('Nobody up here is happy about it.', True,
          'Mayor Denise Whitfield', ('said', 'afford,” said Mayor'), 'Denise Whitfield', note=SPLIT2),
        A('the city had little choice||second straight year', False,
          'Council member Luis Ortega', ('said', 'committee, said the city'), 'Luis Ortega',
          note='relative clause "who chairs the finance committee" excluded from source; clause without "that"'),
        A('the shortfall had reached||by the end of last month', False,
          ('He', 'He told reporters'), ('told', 'He told reporters'), 'Luis Ortega',
          note='"told reporters": ' + NOT_BY),
        A('the plan “reckless”', False,
          'Ortega’s colleague Janet Pruitt', 'called', 'Janet Pruitt',
          note=NOMINAL + ' (call X Y); mixed quote (only "reckless" is quoted)'),
        A('it would hit working families hardest', False,
          'Ortega’s colleague Janet Pruitt', ('said', '“reckless” and said'), 'Janet Pruitt', note=COORD),
        A('We are closing library branches||parking garage open', True,
          ('Pruitt', 'open,” Pruitt said'), ('said', 'open,” Pruitt said'), 'Janet Pruitt'),
        A('Tell me how that makes sense.', True,
          ('Pruitt', 'open,” Pruitt said'), ('said', 'open,” Pruitt said'), 'Janet Pruitt', note=SPLIT2),
        A('The numbers are the numbers', True,
          'Tom Haskell', ('said', 'numbers,” said Tom'), 'Tom Haskell',
          note='"said X, a spokesman": the appositive is excluded from the source'),
        A('We will revisit the library hours||revenue recovers.', True,
          'Tom Haskell', ('said', 'numbers,” said Tom'), 'Tom Haskell', note=SPLIT2),
        A('the garage brings in about $2 million a year||cannot afford to lose', False,
          ('Haskell', 'Haskell said in a statement'), ('said', 'Haskell said in a statement'), 'Tom Haskell',
          date='2024-03-15',
          note='noun cue "in a statement": the cue is "said"; the appositive "money the city cannot afford to lose" belongs to the reported clause'),
        A('the council to reject the plan', False,
          'Several residents', 'urged', None, date='2024-03-14',
          note=DIRECTIVE + '; ' + GROUP + '; relative clause excluded from source; date from "Thursday’s public comment period"'),
        A('she had used the West Branch library “every week for 40 years”', False,
          'Retired teacher Alma Brooks', ('said', 'Brooks said'), 'Alma Brooks',
          note='mixed quote; "40 years" is a duration, not a date'),
        A('closing it on weekends||nowhere to go', False,
          'Retired teacher Alma Brooks', 'warned', 'Alma Brooks', note=COORD),
        A('the cuts did not go far enough', False,
          'Council member Raymond Tate', 'argued', 'Raymond Tate',
          note='appositive ", a Republican," excluded from source; clause without "that"'),
        A('We are still spending money we do not have', True,
          ('he', 'have,” he said'), ('said', 'have,” he said'), 'Raymond Tate'),
        A('and next year the hole will be deeper.', True,
          ('he', 'have,” he said'), ('said', 'have,” he said'), 'Raymond Tate',
          note=SPLIT2 + ' (frame inside one sentence: "...," he said, "...")'),
        A('selling the city-owned golf course', False,
          'Mr. Tate', 'proposed', 'Raymond Tate',
          note=NOMINAL + ' (proposed + gerund); "an idea the mayor has rejected" is anaphoric and not annotated'),
    ],
    people=[
        P('Karen O’Dell', ['KAREN O’DELL']),
        P('Denise Whitfield', ['Mayor Denise Whitfield', 'Denise Whitfield', 'Whitfield', 'the mayor'], ['Mayor']),
        P('Luis Ortega', ['Council member Luis Ortega', 'Luis Ortega', 'Ortega'], ['Council member']),
        P('Janet Pruitt', ['Ortega’s colleague Janet Pruitt', 'Janet Pruitt', 'Pruitt']),
        P('Tom Haskell', ['Tom Haskell', 'Haskell', 'a spokesman for Whitfield'], ['spokesman for Whitfield']),
        P('Alma Brooks', ['Retired teacher Alma Brooks', 'Alma Brooks']),
        P('Raymond Tate', ['Council member Raymond Tate', 'Raymond Tate', 'Mr. Tate', 'a Republican'],
          ['Council member']),
    ],
    dates=[
        D(('2024-03-17', 'date 2024-03-17'), '2024-03-17'),
        D(('Thursday', 'on Thursday to approve'), '2024-03-14'),
        D('January', '2024-01'),
        D('the end of last month', '2024-02'),
        D('Friday', '2024-03-15'),
        D(('Thursday', 'Thursday’s public'), '2024-03-14'),
        D('next year', '2025', future=True),
        D('July 1', '2024-07-01', future=True),
        D('next week', '2024-03', future=True),
    ],
)

# ---------------------------------------------------------------- 2
ARTICLES['reuters_trade_talks_geneva'] = dict(
    style='ascii',
    orgs=['United States', 'European Commission'],
    attributions=[
        A('Trade negotiators from the European Union||beef and ethanol', False,
          ('officials', 'ethanol, officials said'), ('said', 'ethanol, officials said'), None,
          note='lead: content precedes the frame; ' + GROUP + '; the participle "pushing a possible deal into next year" is the writer\'s, outside the content'),
        A('We have narrowed the gaps, but we are not there yet', True,
          'EU chief negotiator Henrik Aalto', ('told', 'Aalto told Reuters'), 'Henrik Aalto',
          date='2023-11-08', by='Reuters',
          note='"told Reuters": the outlet is reported_by; date: "after the final session" of talks that ended on Wednesday'),
        A('The remaining issues are political, not technical.', True,
          'EU chief negotiator Henrik Aalto', ('told', 'Aalto told Reuters'), 'Henrik Aalto',
          date='2023-11-08', by='Reuters', note=SPLIT2),
        A('her delegation had offered "substantial" concessions||position on beef', False,
          "Brazil's deputy trade minister", ('said', 'Menezes, said'), 'Carolina Menezes',
          note='mixed quote; ' + APPOS_NAME),
        A('the two sides remained roughly||duty-free beef quota', False,
          'A source familiar with the talks', ('said', 'talks said'), None,
          note='unnamed individual: speaker null'),
        A('any EU-Brazil pact must respect||with the United States', False,
          'Washington', 'says', 'United States',
          note='metonym "Washington" -> United States; "signed" inside the content is an act, not a cue'),
        A('the United States has asked both sides||monitoring of the Amazon', False,
          'a U.S. trade official', 'According to', None, date='2023-11-07',
          note='"according to X" before the content; unnamed individual: speaker null; relative clause excluded from source; date from "briefed reporters in Geneva on Tuesday"'),
        A('A bad deal is worse than no deal', True,
          'Marie Castel', ('said', 'deal," said Marie'), 'Marie Castel',
          note='inverted "said X, <appositive>, in a statement": cue is "said"; "welcomed the delay" (topic only) is not annotated'),
        A('he would oppose any deal||Irish beef farmers', False,
          'Irish Agriculture Minister Sean Brady', ('told', 'Brady told'), 'Sean Brady', date='2023-11-07',
          note='"told parliament": an audience, not reported_by'),
        A('negotiators would meet again||stuck in March."', False,
          ('Aalto', 'Aalto said negotiators'), ('said', 'Aalto said negotiators'), 'Henrik Aalto',
          note='mixed quote ending in the quoted segment: content runs through the closing mark, so the period inside the marks is kept'),
        A('We came here to finish. We are leaving with homework', True,
          ('she', 'she told reporters'), ('told', 'she told reporters'), 'Carolina Menezes',
          note='"told reporters": ' + NOT_BY),
        A('Brazil would not accept "any new||table in 2019."', False,
          ('she', 'she told reporters'), 'adding', 'Carolina Menezes',
          note='mixed quote; participial cue "adding that" shares the source of "told"'),
        A('it remained "fully committed" to concluding the agreement', False,
          'The European Commission', ('said', 'Commission said'), 'European Commission',
          note='mixed quote; clause without "that"; the relative clause "which has been under negotiation since 1999" is the writer\'s and outside the content'),
        A('a new round could be scheduled for late January', False,
          'Officials', ('said', 'Officials said'), None, note=GROUP),
    ],
    people=[
        P('Henrik Aalto', ['EU chief negotiator Henrik Aalto', 'Henrik Aalto', 'Aalto'], ['EU chief negotiator']),
        P('Carolina Menezes', ["Brazil's deputy trade minister", 'Carolina Menezes', 'Menezes'],
          ["Brazil's deputy trade minister"]),
        P('Marie Castel', ['Marie Castel', 'president of the French livestock federation FNB-Est'],
          ['president of the French livestock federation FNB-Est']),
        P('Sean Brady', ['Irish Agriculture Minister Sean Brady', 'Sean Brady'], ['Irish Agriculture Minister']),
        P('Paul Grady', ['Paul Grady']),
        P('Ana Luiza Prado', ['Ana Luiza Prado']),
        P('Tom Weiss', ['Tom Weiss']),
    ],
    dates=[
        D(('2023-11-09', 'date 2023-11-09'), '2023-11-09'),
        D('Wednesday', '2023-11-08'),
        D('next year', '2024', future=True),
        D(('2019', 'the 2019 framework'), '2019'),
        D(('Tuesday', 'Geneva on Tuesday'), '2023-11-07'),
        D(('Tuesday', 'Dublin on Tuesday'), '2023-11-07'),
        D(('January', 'Brasilia in January'), '2024-01', future=True),
        D('March', '2024-03', future=True),
        D(('2019', 'table in 2019'), '2019'),
        D('1999', '1999'),
        D('late January', '2024-01', future=True),
    ],
)

# ---------------------------------------------------------------- 3
ARTICLES['nyt_senate_water_bill'] = dict(
    style='curly',
    orgs=['White House', 'Earth Ledger'],
    attributions=[
        A('the measure would trample on states’ rights', False,
          ('Republicans', 'with Republicans who say'), 'say', None,
          note='relative clause "who say": the source is the antecedent; ' + GROUP),
        A('Every summer we tell farmers||does not come', True,
          'Sen. Maria Delgado', ('said', 'come,” said Sen.'), 'Maria Delgado',
          note='inverted "said Sen. X, D-N.M., <appositive>": party-state tag and appositive excluded from source'),
        A('Prayer is not a water policy.', True,
          'Sen. Maria Delgado', ('said', 'come,” said Sen.'), 'Maria Delgado', note=SPLIT2),
        A('the bill had been drafted||in all seven states', False,
          ('Ms. Delgado', 'Ms. Delgado, who chairs'), ('said', 'power, said the bill'), 'Maria Delgado',
          note='relative clause excluded from source'),
        A('she expected a committee vote before the August recess', False,
          'The senator', ('said', 'The senator said'), 'Maria Delgado', note='nominal speaker "the senator"'),
        A('the pumping caps amount to||for more than a century', False,
          ('Republicans', 'Republicans argued'), 'argued', None, note=GROUP),
        A('Democrats of using the drought||to Cheyenne.”', False,
          'Sen. Carl Whitaker of Arizona', 'accused', 'Carl Whitaker',
          note=NOMINAL + ' (accused X of Y); mixed quote: content runs through the closing mark'),
        A('the caps are long overdue', False,
          'Leaders of several tribal nations in the basin', ('said', 'have said the caps'), None,
          note=GROUP + '; cue without the auxiliary "have"'),
        A('he would offer amendments to strip out the pumping caps', False,
          'Mr. Whitaker', ('said', 'Whitaker said he would'), 'Carl Whitaker',
          note='"In an interview": no outlet named, reported_by null'),
        A('Arizona has been managing||over our shoulder', True,
          ('he', 'shoulder,” he said'), ('said', 'shoulder,” he said'), 'Carl Whitaker'),
        A('If this bill passes as written||Pinal County survives.', True,
          ('he', 'shoulder,” he said'), ('said', 'shoulder,” he said'), 'Carl Whitaker',
          note=SPLIT2 + '; the paragraph ends without a closing mark (multi-paragraph quote)'),
        A('That is not conservation. That is control.', True,
          None, None, 'Carl Whitaker', note=CONT),
        A('he would bring the bill to the floor “as soon as it clears committee,”', False,
          'Senate Majority Leader Thomas Greer', ('said', 'Greer said Tuesday'), 'Thomas Greer',
          note='mixed quote: content runs through the closing mark (comma inside the marks kept); "Tuesday" not normalizable (no article date); "did not commit to a date" has no content'),
        A('it supported the bill’s goals but was still reviewing the details', False,
          'The White House', ('said', 'White House said'), 'White House', note='organization as speaker'),
        A('the bill did “almost nothing”||lower Colorado', False,
          'Earth Ledger', ('said', 'group, said'), 'Earth Ledger',
          note='mixed quote; organization as speaker; appositive excluded from source; "praised the buyback fund" (topic only) is not annotated'),
        A('You cannot save the fish if the river is dry.', True,
          ('she', 'fish, she said'), ('said', 'fish, she said'), 'Maria Delgado',
          note='colon introduction "she said: “...”"; "dismissed that criticism" is anaphoric and not annotated'),
    ],
    people=[
        P('Jonathan Reese', ['Jonathan Reese']),
        P('Maria Delgado', ['Sen. Maria Delgado', 'Maria Delgado', 'Ms. Delgado', 'The senator',
                            'the bill’s chief sponsor'], ['Sen.', 'chief sponsor']),
        P('Carl Whitaker', ['Sen. Carl Whitaker of Arizona', 'Carl Whitaker', 'Mr. Whitaker'], ['Sen.']),
        P('Thomas Greer', ['Senate Majority Leader Thomas Greer', 'Thomas Greer', 'Mr. Greer'],
          ['Senate Majority Leader']),
    ],
    dates=[
        D(('Tuesday', 'on Tuesday unveiled'), None),
        D('2007', '2007'),
        D('2026', '2026'),
        D('August', None),
        D('1980', '1980'),
        D(('Tuesday', 'Greer said Tuesday'), None),
        D('Last year', None),
    ],
)

# ---------------------------------------------------------------- 4
ARTICLES['courier_school_board_grades'] = dict(
    style='twoapos',
    orgs=[],
    attributions=[
        A('pressure on teachers over grades', False,
          ('Superintendent', 'Superintendent denies'), 'denies', 'Evelyn Marsh', date='2022-09-13',
          note='headline; ' + NOMINAL + '; speaker resolved to the named person in the body; date ' + INH + ' from the Tuesday denial it summarizes'),
        A('district administrators had pressured||state testing', False,
          'School Superintendent Dr. Evelyn Marsh', 'denied', 'Evelyn Marsh', date='2022-09-13'),
        A("the accusations ''baseless and hurtful.''", False,
          'School Superintendent Dr. Evelyn Marsh', 'calling', 'Evelyn Marsh', date='2022-09-13',
          note=NOMINAL + " (calling X Y); mixed quote; double quotes written as two apostrophes; date " + INH),
        A('I have spent 31 years||change a grade', True,
          ('Marsh', "grade,'' Marsh told"), ('told', "Marsh told"), 'Evelyn Marsh', date='2022-09-13',
          note='date ' + INH + ' (same Tuesday meeting); "31 years" is a duration'),
        A('Not once.', True,
          ('Marsh', "grade,'' Marsh told"), ('told', "Marsh told"), 'Evelyn Marsh', date='2022-09-13',
          note=SPLIT2 + '; date ' + INH),
        A('they had been instructed||were issued in May', False,
          'two teachers at Eastside High School', ('told', 'School told the Tribune'), None,
          date='2022-08', by='Tribune',
          note='unnamed individuals: speaker null; date from "surfaced last month, when ..."'),
        A('the board would hire an outside investigator', False,
          'Board President Gloria Vance', ('said', 'had said in August'), 'Gloria Vance',
          date='2022-08', by='Tribune',
          note='outlet frame "the Tribune reported" -> reported_by, not a separate attribution; cue without the auxiliary "had"'),
        A("an assistant principal had told her||look bad.''", False,
          'One of those teachers', ('said', 'retaliation, said'), None, date='2022-09-13',
          note="mixed quote (the clause embeds the assistant principal's quoted words); unnamed individual: speaker null; relative clause excluded from source"),
        A('the numbers have to look better or we all look bad.', True,
          'an assistant principal', ('told', 'had told her'), None,
          note="nested quote inside the unnamed teacher's report: direct (whole content inside the marks); speaker and the quoting speaker are unnamed, so speaker and reported_by are null; date of the original remark unknown"),
        A("grading guidance sent to principals in April ''could have been clearer,''", False,
          ('Marsh', 'Marsh acknowledged'), 'acknowledged', 'Evelyn Marsh',
          note='mixed quote: content runs through the closing mark (comma inside the marks kept)'),
        A('the district would issue new written rules by Oct. 1', False,
          ('Marsh', 'Marsh acknowledged'), ('said', 'and said the district'), 'Evelyn Marsh',
          note=COORD + '; the period of the abbreviation "Oct." is kept, the sentence-final period is not'),
        A("New rules don't fix what already happened", True,
          ('he', "happened,'' he said"), ('said', "happened,'' he said"), 'Ray Dominguez',
          note="apostrophe in \"don't\" inside a two-apostrophe quote"),
        A('Somebody made those calls, and the families deserve to know who.', True,
          ('he', "happened,'' he said"), ('said', "happened,'' he said"), 'Ray Dominguez', note=SPLIT2),
        A('the outside review, led by retired Judge Harold Kim, would be made public in full', False,
          'Mrs. Vance', ('said', 'Vance said the outside'), 'Gloria Vance',
          note='"Kim declined to comment" has no content and is not annotated'),
        A('parents not to jump to conclusions', False,
          'Board member Dr. Steven Albright', 'urged', 'Steven Albright',
          note=DIRECTIVE + '; appositive ", a pediatrician," excluded from source'),
        A('Let the investigator do the job', True,
          ('he', "job,'' he said"), ('said', "job,'' he said"), 'Steven Albright'),
        A("If something went wrong, we'll hear about it, and we'll fix it.", True,
          ('he', "job,'' he said"), ('said', "job,'' he said"), 'Steven Albright', note=SPLIT2),
        A('the union had filed a formal grievance on behalf of the two teachers', False,
          ('Dominguez', 'Dominguez said the union'), ('said', 'Dominguez said the union'), 'Ray Dominguez'),
        A("the district's response so far had been ''a lot||about kids.''", False,
          ('He', "He said the district's"), ('said', "He said the district's"), 'Ray Dominguez',
          note='mixed quote: content runs through the closing mark; "so far" is not a date'),
    ],
    people=[
        P('Marcus Bell', ['Marcus Bell']),
        P('Evelyn Marsh', ['School Superintendent Dr. Evelyn Marsh', 'Dr. Evelyn Marsh', 'Evelyn Marsh', 'Marsh',
                           'Superintendent'], ['School Superintendent', 'Dr.']),
        P('Gloria Vance', ['Board President Gloria Vance', 'Gloria Vance', 'Mrs. Vance'], ['Board President']),
        P('Ray Dominguez', ['Teachers union president Ray Dominguez', 'Ray Dominguez', 'Dominguez'],
          ['Teachers union president']),
        P('Harold Kim', ['retired Judge Harold Kim', 'Harold Kim', 'Kim'], ['Judge']),
        P('Steven Albright', ['Board member Dr. Steven Albright', 'Dr. Steven Albright', 'Steven Albright',
                              'a pediatrician'], ['Board member', 'Dr.']),
    ],
    dates=[
        D(('2022-09-14', 'date 2022-09-14'), '2022-09-14'),
        D(('Tuesday', 'on Tuesday denied'), '2022-09-13'),
        D('last month', '2022-08'),
        D('May', '2022-05'),
        D('August', '2022-08'),
        D(('Tuesday', 'said Tuesday that'), '2022-09-13'),
        D('April', '2022-04'),
        D('Oct. 1', '2022-10-01', future=True),
        D('December', '2022-12', future=True),
    ],
)

# ---------------------------------------------------------------- 5
ARTICLES['afp_port_deal_sri_lanka'] = dict(
    style='curly',
    orgs=['China'],
    attributions=[
        A('A Chinese state-owned company||to 85 percent', False,
          'officials in Colombo', ('said', 'Colombo said'), None, date='2021-06-05',
          note='lead: content precedes the frame; ' + GROUP),
        A('the expansion would “bring thousands||logistics hub.”', False,
          'Zhou Weiming', 'quoted Zhou Weiming, chairman of Harbor Pacific Holdings, as saying', 'Zhou Weiming',
          by='Xinhua',
          note='mixed quote; discontinuous cue "quoted ... as saying": one covering span that contains the source and its appositive'),
        A('the government had negotiated||customs control', False,
          'Sri Lanka’s ports minister Nimal Jayasekara', ('said', 'Jayasekara said in a televised'),
          'Nimal Jayasekara',
          note=TWO_THAT + '; mixed quote; noun cue "in a televised address": cue is "said"'),
        A('the deal was “a debt trap with a ribbon on it”', False,
          ('Perera', 'Jazeera, Perera said'), ('said', 'Perera said the deal'), 'Ruwan Perera', by='Al Jazeera',
          note='mixed quote; "Speaking to Al Jazeera" -> reported_by'),
        A('parliament be allowed to review the contract', False,
          ('Perera', 'Jazeera, Perera said'), 'demanded', 'Ruwan Perera', by='Al Jazeera',
          note=COORD + '; reported_by ' + INH + ' from the same frame'),
        A('Washington was “watching closely”', False,
          'U.S. Ambassador Rachel Dunmore', ('said', 'Dunmore said'), 'Rachel Dunmore', by='CNN',
          note='mixed quote; "In an interview with CNN" -> reported_by'),
        A('Colombo to publish the full terms', False,
          'U.S. Ambassador Rachel Dunmore', 'urged', 'Rachel Dunmore', by='CNN',
          note=DIRECTIVE + '; ' + COORD),
        A('accusations that it uses infrastructure lending to gain political leverage', False,
          ('Beijing', 'Beijing has rejected'), 'rejected', 'China',
          note=NOMINAL + ' (rejected the accusations that ...); metonym "Beijing" -> China; cue without the auxiliary "has"'),
        A('cooperation with Sri Lanka was “open||mutually beneficial.”', False,
          'Foreign ministry spokesman Wang Lei', ('told', 'Lei told'), 'Wang Lei', date='2021-06-04',
          note='mixed quote: content runs through the closing mark; "told a regular briefing": no outlet, reported_by null'),
        A('The so-called ‘debt trap’ is a story||visited Galkanda', True,
          ('Wang', 'Galkanda,” Wang said'), ('said', 'Galkanda,” Wang said'), 'Wang Lei', date='2021-06-04',
          note='date ' + INH + ' (same briefing); the single-quoted ‘debt trap’ is a scare quote inside the quote, not an attribution'),
        A('port revenue had tripled since 2019', False,
          ('Jayasekara', 'Jayasekara said last month'), ('said', 'Jayasekara said last month'),
          'Nimal Jayasekara', date='2021-05',
          note='"a figure the opposition disputes" is anaphoric and not annotated'),
        A('The critics said this port would be a ghost town', True,
          'the minister', ('told', 'minister told'), 'Nimal Jayasekara', date='2021-05',
          note='nominal speaker "the minister"; "at the time" -> date ' + INH + ' from "last month"'),
        A('this port would be a ghost town', False,
          'The critics', ('said', 'critics said'), None, by='Nimal Jayasekara',
          note='indirect speech embedded in the minister\'s direct quote; unnamed group: speaker null; reported_by = the quoting speaker'),
        A('Go and look at the queue of ships.', True,
          'the minister', ('told', 'minister told'), 'Nimal Jayasekara', date='2021-05', note=SPLIT2),
        A('to strike if the new agreement||their own labor', False,
          'Dock workers’ unions', 'threatened', None,
          note='commissive speech act "threatened to": content = the infinitive clause; ' + GROUP + '; cue without the auxiliary "have"'),
        A('the government had given “no written guarantee”||would be protected', False,
          'Union leader Chaminda Silva', ('said', 'Silva said'), 'Chaminda Silva', note='mixed quote'),
    ],
    people=[
        P('Zhou Weiming', ['Zhou Weiming', 'chairman of Harbor Pacific Holdings'],
          ['chairman of Harbor Pacific Holdings']),
        P('Nimal Jayasekara', ['Sri Lanka’s ports minister Nimal Jayasekara', 'Nimal Jayasekara', 'Jayasekara',
                               'the minister'], ['ports minister']),
        P('Ruwan Perera', ['Opposition lawmaker Ruwan Perera', 'Ruwan Perera', 'Perera'], ['Opposition lawmaker']),
        P('Rachel Dunmore', ['U.S. Ambassador Rachel Dunmore', 'Rachel Dunmore'], ['U.S. Ambassador']),
        P('Wang Lei', ['Foreign ministry spokesman Wang Lei', 'Wang Lei', 'Wang'], ['Foreign ministry spokesman']),
        P('Chaminda Silva', ['Union leader Chaminda Silva', 'Chaminda Silva'], ['Union leader']),
    ],
    dates=[
        D(('2021-06-06', 'date 2021-06-06'), '2021-06-06'),
        D('Saturday', '2021-06-05'),
        D('Friday', '2021-06-04'),
        D('2010', '2010'),
        D('December 2017', '2017-12'),
        D('last month', '2021-05'),
        D('2019', '2019'),
    ],
)

# ---------------------------------------------------------------- 6
ARTICLES['pentagon_drone_contract'] = dict(
    style='curly',
    orgs=['Department of Defense', 'Vector Dynamics'],
    attributions=[
        A(('protest', 'vows protest'), False, 'rival', 'vows', 'Vector Dynamics',
          note='headline; ' + NOMINAL + '; "rival" resolved to Vector Dynamics from the body'),
        A('it had awarded a $2.3 billion contract||largest defense contractors', False,
          'The Pentagon', ('said', 'Pentagon said'), 'Department of Defense',
          note='metonym "the Pentagon" -> Department of Defense; content is the whole reported clause, including the writer\'s appositive and the participial clause; "Friday" not normalizable (no article date)'),
        A('Aldermoor’s design “offered||among six bids', False,
          'the department', ('said', 'department said'), 'Department of Defense',
          note='mixed quote; "In a statement": noun cue, cue is "said"'),
        A('the first 40 aircraft would be delivered by March 2026', False,
          'Lt. Col. Dana Whitley', 'told', 'Dana Whitley',
          note='"told reporters": ' + NOT_BY + '; appositive excluded from source; "declined to say how many ..." has no content and is not annotated'),
        A('We followed the process to the letter', True,
          ('Whitley', 'letter,” Whitley said'), ('said', 'letter,” Whitley said'), 'Dana Whitley'),
        A('Every bidder was scored against the same criteria.', True,
          ('Whitley', 'letter,” Whitley said'), ('said', 'letter,” Whitley said'), 'Dana Whitley', note=SPLIT2),
        A('it would file a protest with the Government Accountability Office', False,
          ('Vector Dynamics', 'Vector Dynamics, one'), ('said', 'bidders, said'), 'Vector Dynamics',
          note='organization as speaker; appositive excluded from source'),
        A('the decision was “baffling”||explanation.”', False,
          'Its chief executive', 'wrote', 'Paul Brennan',
          note=TWO_THAT + '; mixed quote; ' + APPOS_NAME + '; ' + PLATFORM),
        A('People have underestimated us for 15 years', True,
          ('Kessler', 'Kessler was quoted'), 'quoted as saying', 'Robert Kessler', by='Dayton Daily Ledger',
          note='passive "was quoted as saying by <outlet>": cue without the auxiliary, outlet -> reported_by; "15 years" is a duration'),
        A('That has been our advantage.', True,
          ('Kessler', 'Kessler was quoted'), 'quoted as saying', 'Robert Kessler', by='Dayton Daily Ledger',
          note=SPLIT2),
        A('the contract would bring “hundreds of good jobs” to the Dayton area', False,
          'Sen. Ruth Collier', ('said', 'Ohio, said'), 'Ruth Collier',
          note='mixed quote; ' + PLATFORM + '; "welcomed the award" (topic only) is not annotated'),
        A('she would ask the Pentagon’s inspector general to review the award', False,
          'Rep. Janet Okafor', ('said', 'Committee, said'), 'Janet Okafor',
          note='party-state tag ", D-Calif.," and the relative clause excluded from source'),
        A('When a company this small||ask questions', True,
          ('she', 'questions,” she said'), ('said', 'questions,” she said'), 'Janet Okafor'),
        A('the drones were urgently needed to replace an aging fleet', False,
          'Gen. Marcus Hale', ('said', 'Command, said'), 'Marcus Hale', note='appositive excluded from source'),
        A('the Air Force had “fallen behind” in unmanned aircraft', False,
          'The commander', ('said', 'commander said'), 'Marcus Hale', date='2015',
          note='mixed quote; nominal speaker "the commander"; the appended "a warning he repeated to Congress in March 2021" is anaphoric and not annotated'),
        A('the contract includes an option for 60 more aircraft', False,
          'Officials', ('said', 'Officials said'), None, note=GROUP),
    ],
    people=[
        P('Dana Whitley', ['Lt. Col. Dana Whitley', 'Dana Whitley', 'Whitley', 'a Pentagon spokeswoman',
                           'The spokeswoman'], ['Lt. Col.', 'Pentagon spokeswoman']),
        P('Paul Brennan', ['Its chief executive', 'Paul Brennan'], ['chief executive']),
        P('Robert Kessler', ['retired Air Force Gen. Robert Kessler', 'Robert Kessler', 'Kessler', 'Its founder'],
          ['Air Force Gen.', 'founder']),
        P('Janet Okafor', ['Rep. Janet Okafor', 'Janet Okafor'], ['Rep.']),
        P('Ruth Collier', ['Sen. Ruth Collier', 'Ruth Collier'], ['Sen.']),
        P('Marcus Hale', ['Gen. Marcus Hale', 'Marcus Hale', 'the head of Air Combat Command', 'The commander'],
          ['Gen.', 'head of Air Combat Command']),
    ],
    dates=[
        D('Friday', None),
        D('March 2026', '2026-03'),
        D('2009', '2009'),
        D('2011', '2011'),
        D('2015', '2015'),
        D('March 2021', '2021-03'),
        D('the fall', None),
        D('2023', '2023'),
    ],
)

# ---------------------------------------------------------------- 7
ARTICLES['uk_nurses_strike_wales'] = dict(
    style='british',
    orgs=['Nursing Alliance Cymru'],
    attributions=[
        A('members ‘have run out of patience’ with ministers', False,
          ('Union', 'Union says'), 'says', 'Nursing Alliance Cymru',
          note='headline (standfirst); mixed quote; "Union" resolved to the Nursing Alliance Cymru from the body'),
        A('Nurses across Wales will walk out||broke down on Monday', False,
          'the Nursing Alliance Cymru', 'announced', 'Nursing Alliance Cymru',
          note='lead: content precedes the frame; cue without the auxiliary "has"'),
        A('members had ‘run out of patience’||instead of money’', False,
          'Helen Pryce', ('said', 'secretary, said'), 'Helen Pryce',
          note='mixed quote; British punctuation: the period stands outside the closing mark and is excluded'),
        A('Nobody goes into nursing to strike', True,
          ('she', 'she told the BBC'), ('told', 'she told the BBC'), 'Helen Pryce', date='2023-01-17', by='BBC',
          note='single quotation marks as primary quotes (British style)'),
        A('But our members are using food banks. That is where we are.', True,
          ('she', 'she told the BBC'), ('told', 'she told the BBC'), 'Helen Pryce', date='2023-01-17', by='BBC', note=SPLIT2),
        A('the union had been ready to compromise until the last meeting', False,
          ('Pryce', 'Pryce said the union'), ('said', 'Pryce said the union'), 'Helen Pryce'),
        A('The minister told us, “There is no more money,” and a week later found £40m for a new road', True,
          ('she', 'road,’ she said'), ('said', 'road,’ she said'), 'Helen Pryce',
          note='"a week later" is anchored to an event, not a date'),
        A('There is no more money', True,
          'The minister', ('told', 'minister told us'), 'Gareth Hughes', by='Helen Pryce',
          note=NESTED + '; double quotes nested in British single quotes; frame comma excluded; "The minister" resolved to Gareth Hughes'),
        A('the government had made ‘the best offer we can afford’', False,
          'The health minister', ('said', 'Hughes, said'), 'Gareth Hughes',
          note='mixed quote; ' + APPOS_NAME),
        A('the union of ‘moving the goalposts’', False,
          'The health minister', 'accused', 'Gareth Hughes',
          note=NOMINAL + ' (accused X of Y); mixed quote; ' + COORD),
        A('We have put more on the table||offer to its members.', True,
          'Mr Hughes', ('said', 'Hughes said:'), 'Gareth Hughes', date='2023-01-17',
          note='colon introduction; British "Mr" without period; "Speaking in the Senedd" is a venue, not reported_by'),
        A('the minister was ‘in denial’ about the state of the service', False,
          'The opposition health spokesperson', ('said', 'Roberts, said'), 'Siân Roberts',
          note='mixed quote; ' + APPOS_NAME),
        A('Waiting lists in Wales||records began in 2011', True,
          'Ms Roberts', ('said', 'Roberts said'), 'Siân Roberts'),
        A('emergency care would continue during the strike', False,
          'Hospital managers', ('said', 'managers said'), None, note=GROUP),
        A('it was ‘working closely with the union to protect patients’', False,
          'A spokesperson for Cardiff and Vale University Health Board', ('said', 'Board said'), None,
          note='mixed quote; unnamed individual: speaker null'),
    ],
    people=[
        P('Helen Pryce', ['Helen Pryce', 'Pryce', 'the union’s Welsh secretary'], ['Welsh secretary']),
        P('Gareth Hughes', ['The health minister', 'Gareth Hughes', 'Mr Hughes', 'the minister'], ['health minister']),
        P('Siân Roberts', ['The opposition health spokesperson', 'Siân Roberts', 'Ms Roberts'],
          ['opposition health spokesperson']),
    ],
    dates=[
        D(('2023-01-18', 'date 2023-01-18'), '2023-01-18'),
        D('6 February', '2023-02-06', future=True),
        D('Monday', '2023-01-16'),
        D(('Tuesday', 'BBC on Tuesday'), '2023-01-17'),
        D(('Tuesday', 'Senedd on Tuesday'), '2023-01-17'),
        D('2011', '2011'),
        D('December', '2022-12'),
    ],
)

# ---------------------------------------------------------------- 8
ARTICLES['ap_wildfire_evacuation'] = dict(
    style='curly',
    orgs=['California Department of Forestry and Fire Protection', 'Northern Valley Power', 'American Red Cross'],
    attributions=[
        A('A fast-moving wildfire jumped||at least 40 buildings', False,
          'fire officials', ('said', 'fire officials said'), None,
          note='lead: content precedes the frame; ' + GROUP),
        A('The Cedar Ridge Fire had burned||5% contained', False,
          'the California Department of Forestry and Fire Protection', 'according to',
          'California Department of Forestry and Fire Protection',
          note='"according to X" after the content; organization as speaker'),
        A('This fire is making runs||early in the season', True,
          'Cal Fire Battalion Chief Andrea Solis', 'told', 'Andrea Solis',
          note='"told reporters at an evening briefing": ' + NOT_BY + '; the evening is not dated'),
        A('The wind is doing whatever it wants.', True,
          'Cal Fire Battalion Chief Andrea Solis', 'told', 'Andrea Solis', note=SPLIT2),
        A('crews were focusing on protecting||5,000 people live', False,
          ('Solis', 'Solis said crews'), ('said', 'Solis said crews'), 'Andrea Solis'),
        A('gusts of up to 45 mph were expected through Monday', False,
          ('Solis', 'Solis said crews'), 'warned', 'Andrea Solis', note=COORD),
        A('she watched from her car||behind her street', False,
          ('She', 'She said she watched'), ('said', 'She said she watched'), 'Kathy Lindqvist'),
        A('It sounded like a train coming through the trees', True,
          ('Lindqvist', 'trees,” Lindqvist said'), ('said', 'trees,” Lindqvist said'), 'Kathy Lindqvist'),
        A('I grabbed what I could see. I didn’t even lock the door.', True,
          ('Lindqvist', 'trees,” Lindqvist said'), ('said', 'trees,” Lindqvist said'), 'Kathy Lindqvist',
          note=SPLIT2 + '; the paragraph ends without a closing mark (multi-paragraph quote)'),
        A('I keep thinking about the things I left||what matters.', True,
          None, None, 'Kathy Lindqvist', note=CONT),
        A('deputies had gone door to door||overnight', False,
          'Butte County Sheriff Tom Reyes', ('said', 'Reyes said'), 'Tom Reyes',
          note='"overnight" is not a date'),
        A('two residents who refused to leave were later rescued by helicopter', False,
          ('He', 'He said two'), ('said', 'He said two'), 'Tom Reyes'),
        A('the declaration would speed federal aid', False,
          'Gov. Elena Marquez', ('said', 'and said the declaration'), 'Elena Marquez', date='2020-08-22',
          note='"declared a state of emergency" is an official act and not annotated; date from the coordinated "on Saturday night"'),
        A('residents along Oro Dam Boulevard||a moment’s notice', False,
          ('Officials', 'Officials urged'), 'urged', None, note=DIRECTIVE + '; ' + GROUP),
        A('it had opened two shelters at the county fairgrounds', False,
          'the American Red Cross', ('said', 'Cross said'), 'American Red Cross', note='organization as speaker'),
        A('one of its lines in the area||fire was reported', False,
          'Northern Valley Power', ('said', 'Power said'), 'Northern Valley Power',
          note='organization as speaker; noun cue "in a filing": cue is "said"'),
    ],
    people=[
        P('Daniel Frost', ['DANIEL FROST']),
        P('Megan Liu', ['MEGAN LIU']),
        P('Andrea Solis', ['Cal Fire Battalion Chief Andrea Solis', 'Andrea Solis', 'Solis'],
          ['Cal Fire Battalion Chief']),
        P('Kathy Lindqvist', ['Kathy Lindqvist', 'Lindqvist']),
        P('Tom Reyes', ['Butte County Sheriff Tom Reyes', 'Tom Reyes'], ['Butte County Sheriff']),
        P('Elena Marquez', ['Gov. Elena Marquez', 'Elena Marquez'], ['Gov.']),
        P('Jae Kim', ['Jae Kim']),
    ],
    dates=[
        D(('2020-08-23', 'date 2020-08-23'), '2020-08-23'),
        D(('Saturday', 'Sacramento on Saturday'), '2020-08-22'),
        D('Sunday morning', '2020-08-23'),
        D('Monday', '2020-08-24', future=True),
        D('Saturday night', '2020-08-22'),
        D('2018', '2018'),
        D(('Saturday', 'Calif., on Saturday,'), '2020-08-22'),
        D('Aug. 22, 2020', '2020-08-22'),
    ],
)

# ---------------------------------------------------------------- 9
ARTICLES['gazette_library_flood'] = dict(
    style='curly',
    orgs=[],
    attributions=[
        A('The Millbrook Public Library will close||beneath the reading room', False,
          'library director Paul Anand', ('said', 'Anand said yesterday'), 'Paul Anand', date='2019-02-06',
          note='lead: content precedes the frame; the straight " after 12 is an inch mark (stray, unbalanced), not a quote mark, so the content has no quoted segment'),
        A('the break, discovered by a custodian||children’s collection', False,
          ('Anand', 'Anand said the break'), ('said', 'Anand said the break'), 'Paul Anand', date='2019-02-06',
          note='date ' + INH + ' (same interview as the lead)'),
        A('It was heartbreaking to walk down those stairs', True,
          ('Anand', 'stairs,” Anand said'), ('said', 'stairs,” Anand said'), 'Paul Anand', date='2019-02-06',
          note='date ' + INH),
        A('Some of those picture books have been here since the 1970s.', True,
          ('Anand', 'stairs,” Anand said'), ('said', 'stairs,” Anand said'), 'Paul Anand', date='2019-02-06',
          note=SPLIT2 + '; date ' + INH),
        A('the town’s insurance policy||at $400,000', False,
          'Town Manager Rebecca Soto', ('told', 'Soto told'), 'Rebecca Soto', date='2019-02',
          note='"earlier this week" -> the month that contains the week; the relative clause "which she estimated at $400,000" is part of the reported clause'),
        A('the flood was “entirely predictable.”', False,
          'Select Board member Frank DiNapoli', ('said', 'in 2016, said'), 'Frank DiNapoli',
          note='mixed quote: content runs through the closing mark; relative clause excluded from source; "voted against" is an act, not a cue'),
        A('the board had ignored a 2015 engineering report on the pipes', False,
          ('He', 'He said the board'), ('said', 'He said the board'), 'Frank DiNapoli'),
        A('We were told in writing that this would happen', True,
          ('DiNapoli', 'happen,” DiNapoli'), ('said', 'happen,” DiNapoli said'), 'Frank DiNapoli'),
        A('this would happen', False,
          None, ('told', 'were told in writing'), None, by='Frank DiNapoli',
          note='agentless passive "were told" inside DiNapoli\'s quote: source and speaker null (the report is not named as the teller); reported_by = the quoting speaker'),
        A('Now the kids pay for it.', True,
          ('DiNapoli', 'happen,” DiNapoli'), ('said', 'happen,” DiNapoli said'), 'Frank DiNapoli', note=SPLIT2),
        A('the town had ignored the warning', False,
          ('Soto', 'Soto denied'), 'denied', 'Rebecca Soto'),
        A('money for the plumbing work||next year’s budget', False,
          ('Soto', 'Soto denied'), 'saying', 'Rebecca Soto', note='participial cue shares the source of "denied"'),
        A('the library’s digital collection would remain available online', False,
          ('Anand', 'Anand said the library’s'), ('said', 'Anand said the library’s'), 'Paul Anand'),
        A('residents should not leave returns outside the building', False,
          'Library staff', ('said', 'staff said'), None, note=GROUP),
        A('she cried when she heard the news', False,
          'Mrs. Eleanor Hadley', ('said', '1991, said'), 'Eleanor Hadley',
          note='", 84," and the relative clause excluded from source'),
        A('That library raised my children and my grandchildren', True,
          ('Mrs. Hadley', 'grandchildren,” Mrs. Hadley'), ('said', 'Mrs. Hadley said'), 'Eleanor Hadley'),
    ],
    people=[
        P('Sandra Whitcomb', ['Sandra Whitcomb']),
        P('Paul Anand', ['library director Paul Anand', 'Paul Anand', 'Anand'], ['library director']),
        P('Rebecca Soto', ['Town Manager Rebecca Soto', 'Rebecca Soto', 'Soto'], ['Town Manager']),
        P('Frank DiNapoli', ['Select Board member Frank DiNapoli', 'Frank DiNapoli', 'DiNapoli'],
          ['Select Board member']),
        P('Eleanor Hadley', ['Mrs. Eleanor Hadley', 'Eleanor Hadley', 'Mrs. Hadley']),
    ],
    dates=[
        D(('2019-02-07', 'date 2019-02-07'), '2019-02-07'),
        D('yesterday', '2019-02-06'),
        D('early Tuesday', '2019-02-05'),
        D('the 1970s', None),
        D('earlier this week', '2019-02'),
        D('2016', '2016'),
        D('2015', '2015'),
        D('next year', '2020', future=True),
        D('1991', '1991'),
    ],
)

# ---------------------------------------------------------------- 10
ARTICLES['un_ceasefire_resolution'] = dict(
    style='twoapos',
    orgs=['United States', 'African Union'],
    attributions=[
        A('The people of this region||round of consultations', True,
          'Ambassador Laura Bennett of the United States', ('said', "consultations,'' said"), 'Laura Bennett',
          note='inverted "said X"; the postmodifier "of the United States" belongs to the source, the relative clause does not; date not normalizable (dateline "May 4" has no year)'),
        A('They need the guns to stop now.', True,
          'Ambassador Laura Bennett of the United States', ('said', "consultations,'' said"), 'Laura Bennett',
          note=SPLIT2),
        A('at least 40 civilians were killed||April alone', False,
          'Washington', 'says', 'United States', note='metonym "Washington" -> United States'),
        A("the resolution ''ignores the root causes of the crisis''", False,
          'Dmitri Orlov', ('said', 'representative, said'), 'Dmitri Orlov',
          note='mixed quote; appositive excluded from source'),
        A("Western governments of ''selective outrage.''", False,
          'Dmitri Orlov', ('accused', 'and accused Western'), 'Dmitri Orlov',
          note=NOMINAL + ' (accused X of Y); mixed quote; ' + COORD),
        A("Beijing supported a cease-fire||outside intervention.''", False,
          'Zhang Hui', ('told', 'envoy, told'), 'Zhang Hui',
          note='mixed quote; "told reporters": ' + NOT_BY + '; appositive excluded from source'),
        A('talks between the two governments to begin within 30 days', False,
          'The African Union', 'called for', 'African Union',
          note=NOMINAL + '; "welcomed the vote" (topic only) is not annotated; "30 days" is a duration'),
        A('the text had been weakened||to win over Russia', False,
          'Diplomats', ('said', 'Diplomats said'), None, note=GROUP),
        A("both governments to ''seize this moment,''", False,
          'Secretary General Ana Ferreira', 'urged', 'Ana Ferreira',
          note=DIRECTIVE + '; mixed quote (content runs through the closing mark); "speaking in Geneva" is a venue, not reported_by'),
        A('her envoy, Moussa Keita, would travel to the region next week', False,
          'Secretary General Ana Ferreira', ('said', 'and said her envoy'), 'Ana Ferreira', note=COORD),
        A('Resolutions are words', True,
          'Mr. Keita', ('said', 'Keita said'), 'Moussa Keita',
          note='"in a brief telephone interview": no outlet named, reported_by null'),
        A('What matters is whether anyone on the ground reads them.', True,
          'Mr. Keita', ('said', 'Keita said'), 'Moussa Keita', note=SPLIT2),
        A('both armies of executing prisoners', False,
          'Human rights groups', ('accused', 'have accused both'), None,
          note=NOMINAL + ' (accused X of Y); ' + GROUP + '; cue without the auxiliary "have"; the following "has denied the accusations" is anaphoric and not annotated'),
        A("his government would ''study the resolution carefully''||operating there.''", False,
          'A senior Malian official', ('said', 'anonymity, said'), None,
          note='mixed quote with two quoted segments; unnamed individual: speaker null; relative clause excluded from source'),
    ],
    people=[
        P('Helen March', ['HELEN MARCH']),
        P('Laura Bennett', ['Ambassador Laura Bennett of the United States', 'Laura Bennett'], ['Ambassador']),
        P('Dmitri Orlov', ['Dmitri Orlov', "Russia's deputy representative"], ["Russia's deputy representative"]),
        P('Zhang Hui', ['Zhang Hui', "China's envoy"], ["China's envoy"]),
        P('Ana Ferreira', ['Secretary General Ana Ferreira', 'Ana Ferreira'], ['Secretary General']),
        P('Moussa Keita', ['her envoy', 'Moussa Keita', 'Mr. Keita'], ['envoy']),
    ],
    dates=[
        D('May 4', None),
        D('today', None),
        D('January', None),
        D('the last week of April', None),
        D('next week', None),
    ],
)

# ---------------------------------------------------------------- 11
ARTICLES['tech_layoffs_memo'] = dict(
    style='curly',
    orgs=['Streamly', 'Tech Workers Guild'],
    attributions=[
        A('Streaming company Streamly Inc. will lay off||of its workforce', False,
          'Chief Executive Nadia Farouk', ('told', 'Farouk told staff'), 'Nadia Farouk', date='2024-01-25',
          note='lead: content precedes the frame; "in a memo" is the medium'),
        A('We grew too fast||my decision', True,
          ('Farouk', 'Farouk wrote'), ('wrote', 'Farouk wrote'), 'Nadia Farouk', date='2024-01-25', by='CNN',
          note='"which was reviewed by CNN": CNN relays the memo -> reported_by; date ' + INH + ' (the memo of Thursday)'),
        A('I own it.', True,
          ('Farouk', 'Farouk wrote'), ('wrote', 'Farouk wrote'), 'Nadia Farouk', date='2024-01-25', by='CNN', note=SPLIT2),
        A('it expected to record about $95 million in severance and related charges', False,
          'The company', ('said', 'company said in a regulatory'), 'Streamly',
          note='organization as speaker; noun cue "in a regulatory filing": cue is "said"'),
        A('investors had been “waiting for management to admit the obvious.”', False,
          'Analyst Priya Raman of Castlegate Securities', ('said', 'Securities said'), 'Priya Raman',
          note='mixed quote: content runs through the closing mark'),
        A('the company would keep investing||this year', False,
          ('Farouk', 'CNN, Farouk said'), ('said', 'CNN, Farouk said'), 'Nadia Farouk', by='CNN',
          note='"In an interview with CNN" -> reported_by'),
        A('Sports is the one thing people still watch live', True,
          ('she', 'live,” she said'), ('said', 'live,” she said'), 'Nadia Farouk', by='CNN',
          note='reported_by ' + INH + ' (same CNN interview)'),
        A('That is where the advertisers are going.', True,
          ('she', 'live,” she said'), ('said', 'live,” she said'), 'Nadia Farouk', by='CNN',
          note=SPLIT2 + '; reported_by ' + INH),
        A('Twelve years, two relocations, and a 15-minute video call', True,
          'former engineering manager Ben Takahashi', ('wrote', 'Takahashi wrote'), 'Ben Takahashi',
          note=PLATFORM + '; a verbless quote is still the content'),
        A('the cuts “a betrayal”', False,
          'The Tech Workers Guild', 'called', 'Tech Workers Guild',
          note=NOMINAL + ' (called X Y); mixed quote; relative clause excluded from source'),
        A('the company extend health coverage||end of the year', False,
          'The Tech Workers Guild', 'demanded', 'Tech Workers Guild', note=COORD),
        A('it had lost 300,000 subscribers||launched in 2015', False,
          ('Streamly', 'Streamly said earlier'), ('said', 'Streamly said earlier'), 'Streamly', date='2024-01',
          note='content includes the appositive "its first decline since it launched in 2015" (whole reported clause)'),
        A('Streamly had “no plans for layoffs, none.”', False,
          ('Farouk', 'Farouk told investors'), ('told', 'Farouk told investors'), 'Nadia Farouk', date='2023',
          note='mixed quote; date from "Asked last year"; "declined to comment" just before has no content and is not annotated'),
        A('that earlier promise would hurt||with employees', False,
          ('Raman', 'Raman said that'), ('said', 'Raman said that'), 'Priya Raman',
          note='"that" here is a determiner ("that earlier promise"), not a complementizer, so it stays in the content'),
        A('It is going to be a long time||a memo again', True,
          ('she', 'again,” she said'), ('said', 'again,” she said'), 'Priya Raman'),
    ],
    people=[
        P('Nadia Farouk', ['Chief Executive Nadia Farouk', 'Nadia Farouk', 'Farouk'], ['Chief Executive']),
        P('Priya Raman', ['Analyst Priya Raman of Castlegate Securities', 'Priya Raman', 'Raman'], ['Analyst']),
        P('Ben Takahashi', ['former engineering manager Ben Takahashi', 'Ben Takahashi'], ['engineering manager']),
    ],
    dates=[
        D(('2024-01-26', 'date 2024-01-26'), '2024-01-26'),
        D('Thursday', '2024-01-25'),
        D('Friday', '2024-01-26'),
        D('this year', '2024'),
        D('the end of the year', '2024-12', future=True),
        D('earlier this month', '2024-01'),
        D('the fourth quarter of 2023', '2023'),
        D('2015', '2015'),
        D('last year', '2023'),
    ],
)

# ---------------------------------------------------------------- 12
ARTICLES['court_memoir_defamation'] = dict(
    style='curly',
    orgs=['Writers’ Freedom Coalition'],
    attributions=[
        A('the lower court had erred||called a memoir.”', False,
          'Judge Miriam Castellanos', ('said', 'Castellanos said'), 'Miriam Castellanos',
          note='mixed quote; the participial frame "Writing for a three-judge panel ..." is not a second cue; "ruling that a jury should decide ..." in the lead is an official act and not annotated'),
        A('Readers are entitled to assume||what happened', True,
          ('Castellanos', 'happened,” Castellanos'), ('wrote', 'Castellanos wrote'), 'Miriam Castellanos',
          note='generic speech inside the quote ("a memoirist is telling them", "the memoirist says that ...") is hypothetical and not annotated'),
        A('When the memoirist says||it can be tested.', True,
          ('Castellanos', 'happened,” Castellanos'), ('wrote', 'Castellanos wrote'), 'Miriam Castellanos', note=SPLIT2),
        A('his former partner at a Boston restaurant||for two years.”', False,
          'The author', ('wrote', 'Whitcombe, wrote'), 'Daniel Whitcombe',
          note='mixed quote; ' + APPOS_NAME + '; "in the book": the book is the medium'),
        A('He looked at me and said||and I believed him', True,
          ('Molina', 'Molina testified'), 'testified', 'Teresa Molina', date='2021',
          note='date ' + INH + ' from "a 2021 deposition"; "backed part of that account" is anaphoric and not annotated'),
        A('If you talk, you’re done in this town', True,
          ('He', 'He looked at me'), ('said', 'me and said'), 'Victor Lanza', by='Teresa Molina',
          note=NESTED + '; single quotes inside double quotes; frame comma excluded; "He" = Lanza'),
        A('taking any money', False,
          ('Lanza', 'Lanza, who denies'), 'denies', 'Victor Lanza',
          note='relative clause "who denies": the source is the antecedent; ' + NOMINAL + ' (gerund complement)'),
        A('his client was “grateful||ordinary people read it.”', False,
          'His lawyer', ('said', 'Sato, said'), 'Gregory Sato',
          note='mixed quote; ' + APPOS_NAME + '; "Wednesday" not normalizable (no article date)'),
        A('Lanza had never been charged with any crime', False,
          ('Sato', 'Sato added'), 'added', 'Gregory Sato', note='surname repeat of the speaker introduced by the appositive'),
        A('her clients were disappointed||rehear the case', False,
          'Attorney Linda Parks', ('said', 'Finch, said her'), 'Linda Parks',
          note='relative clause excluded from source'),
        A('This decision will chill||their own life', True,
          ('Parks', 'life,” Parks said'), ('said', 'Parks said in a statement'), 'Linda Parks',
          note='noun cue "in a statement": cue is "said"'),
        A('the ruling could expose memoirists||unflattering sentence.”', False,
          'The Writers’ Freedom Coalition', 'warned', 'Writers’ Freedom Coalition',
          note='mixed quote; organization as speaker; appositive and its relative clause excluded from source'),
        A('no reasonable reader||as literal fact', False,
          'U.S. District Judge Peter Ng', 'writing', 'Peter Ng', date='2023-03',
          note='mixed quote; participial cue "writing that"; date from the dismissal "in March 2023" that it accompanies; "dismissed the case" is an official act and not annotated'),
        A('every scene in it is true', False,
          ('Whitcombe', 'Whitcombe has said'), ('said', 'Whitcombe has said'), 'Daniel Whitcombe',
          note='cue without the auxiliary "has"; "in interviews": no outlet named'),
    ],
    people=[
        P('Rosa Quintero', ['ROSA QUINTERO']),
        P('Miriam Castellanos', ['Judge Miriam Castellanos', 'Miriam Castellanos', 'Castellanos'], ['Judge']),
        P('Daniel Whitcombe', ['the author of the best-selling memoir', 'The author',
                               'Daniel Whitcombe', 'Whitcombe']),
        P('Victor Lanza', ['a former business partner', 'his former partner at a Boston restaurant',
                           'Victor Lanza', 'Lanza', 'his client']),
        P('Teresa Molina', ['Teresa Molina', 'Molina', 'a former line cook at the restaurant']),
        P('Gregory Sato', ['His lawyer', 'Gregory Sato', 'Sato']),
        P('Linda Parks', ['Attorney Linda Parks', 'Linda Parks', 'Parks'], ['Attorney']),
        P('Peter Ng', ['U.S. District Judge Peter Ng', 'Peter Ng'], ['U.S. District Judge']),
    ],
    dates=[
        D(('Wednesday', 'on Wednesday revived'), None),
        D('2021', '2021'),
        D('2022', '2022'),
        D(('Wednesday', 'said Wednesday'), None),
        D('March 2023', '2023-03'),
        D('2019', '2019'),
    ],
)

# ---------------------------------------------------------------- 13
ARTICLES['sports_coach_fired'] = dict(
    style='curly',
    orgs=['Columbus Post-Dispatch'],
    attributions=[
        A('Ohio Valley State fired head football coach||to 2-9', False,
          'athletic director Kim Nakamura', 'announced', 'Kim Nakamura',
          note='lead: content precedes the frame; the firing inside the content is an act; the announcement itself is not dated'),
        A('This was not a decision we made lightly', True,
          ('Nakamura', 'lightly,” Nakamura'), ('said', 'Nakamura said at'), 'Kim Nakamura',
          note='"at a news conference" is a venue, not reported_by'),
        A('Dale gave this program six years||need to be.', True,
          ('Nakamura', 'lightly,” Nakamura'), ('said', 'Nakamura said at'), 'Kim Nakamura', note=SPLIT2),
        A('a national search would begin immediately||against Kent Valley', False,
          ('Nakamura', 'Nakamura said a national'), ('said', 'Nakamura said a national'), 'Kim Nakamura'),
        A('he had “no regrets about the way we did things.”', False,
          ('he', 'X, he thanked'), ('said', 'fans and said'), 'Dale Mercer',
          note='mixed quote; ' + COORD + '; "thanked players and fans" has no content and is not annotated; ' + PLATFORM),
        A('I told our guys from day one||and we did', True,
          ('Mercer', 'did,” Mercer'), 'wrote', 'Dale Mercer'),
        A('we would do it the right way', False,
          ('I', 'I told our guys'), ('told', 'I told our guys'), 'Dale Mercer',
          note="indirect speech embedded in the speaker's own quote (self-report): no intermediary, reported_by null; \"day one\" is not a date"),
        A('I’ll be rooting for them Saturday and every Saturday after that.', True,
          ('Mercer', 'did,” Mercer'), 'wrote', 'Dale Mercer', note=SPLIT2),
        A('players learned of the firing in a team meeting Sunday morning', False,
          'Senior quarterback Jalen Brooks', ('said', 'Brooks said'), 'Jalen Brooks'),
        A('the seniors planned to dedicate the finale to Mercer', False,
          ('He', 'He said the seniors'), ('said', 'He said the seniors'), 'Jalen Brooks'),
        A('Coach told us, ‘Don’t you dare quit on each other.’ We’re going to honor that', True,
          ('Brooks', 'Brooks told ESPN'), ('told', 'Brooks told ESPN'), 'Jalen Brooks', by='ESPN',
          note='"told ESPN" -> reported_by; the content keeps the inner single quotes'),
        A('Don’t you dare quit on each other.', True,
          'Coach', ('told', 'Coach told us'), 'Dale Mercer', by='Jalen Brooks',
          note=NESTED + '; "Coach" resolved to Dale Mercer'),
        A('the buyout could exceed $4 million', False,
          'The Columbus Post-Dispatch', 'reported', 'Columbus Post-Dispatch', date='2022-11',
          note='the outlet\'s own reporting with no relayed speaker: the outlet is the speaker (not an outlet frame); "declined to say how much ..." has no content and is not annotated'),
        A('a change', False,
          'Some boosters', 'called for', None,
          note=NOMINAL + '; ' + GROUP + '; "since September" dates a period, not the utterance; cue without the auxiliary "had"'),
        A('the decision was overdue', False,
          'Donor Richard Haley', ('said', 'facility, said'), 'Richard Haley',
          note='relative clause excluded from source'),
        A('We have been patient', True,
          ('he', 'patient,” he said'), ('said', 'patient,” he said'), 'Richard Haley'),
        A('and patience is not a strategy.', True,
          ('he', 'patient,” he said'), ('said', 'patient,” he said'), 'Richard Haley',
          note=SPLIT2 + ' (frame inside one sentence)'),
    ],
    people=[
        P('Tony Alvarez', ['TONY ALVAREZ']),
        P('Dale Mercer', ['coach Dale Mercer', 'head football coach Dale Mercer', 'Dale Mercer', 'Mercer', 'Dale',
                          'Coach'], ['head football coach']),
        P('Kim Nakamura', ['athletic director Kim Nakamura', 'Kim Nakamura', 'Nakamura'], ['athletic director']),
        P('Andre Willis', ['defensive coordinator Andre Willis', 'Andre Willis'],
          ['defensive coordinator', 'interim coach']),
        P('Jalen Brooks', ['Senior quarterback Jalen Brooks', 'Jalen Brooks', 'Brooks'], ['quarterback']),
        P('Richard Haley', ['Donor Richard Haley', 'Richard Haley']),
    ],
    dates=[
        D(('2022-11-28', 'date 2022-11-28'), '2022-11-28'),
        D(('Sunday', 'Mercer on Sunday'), '2022-11-27'),
        D(('Saturday', 'finale Saturday'), '2022-12-03', future=True),
        D(('Saturday', 'them Saturday and'), '2022-12-03', future=True),
        D('Sunday morning', '2022-11-27'),
        D('2016', '2016'),
        D('2019', '2019'),
        D('1998', '1998'),
        D('2025', '2025'),
        D('last week', '2022-11'),
        D('September', '2022-09'),
    ],
)

# ---------------------------------------------------------------- 14
ARTICLES['science_coffee_liver_study'] = dict(
    style='curly',
    orgs=['Liver Health Foundation', 'National Coffee Council'],
    attributions=[
        A('Daily coffee linked to lower risk of liver disease', False,
          ('researchers', 'researchers say'), 'say', None,
          note='headline; content precedes the frame; unnamed group (the study team): speaker null'),
        A('People who drink two to three cups||than non-drinkers', False,
          'a large study', 'according to', None,
          note='a document as source: speaker null; the participial "published on Tuesday in ..." is excluded from the source'),
        A('The association held up||body weight', True,
          ('Osei', 'weight,” Osei said'), ('said', 'weight,” Osei said'), 'Amara Osei',
          note='"in an interview": no outlet named'),
        A('That surprised us.', True,
          ('Osei', 'weight,” Osei said'), ('said', 'weight,” Osei said'), 'Amara Osei', note=SPLIT2),
        A('the study was observational||protects the liver', False,
          ('Osei', 'Osei cautioned'), 'cautioned', 'Amara Osei'),
        A('participants reported their own coffee intake, which can be unreliable', False,
          'The authors', 'acknowledged', None,
          note='unnamed group (the study team led by Osei): speaker null; the relative clause is part of the reported clause; "reported" inside the content is not a separate attribution (participants\' self-reports, no content)'),
        A('My own mother asked me, ‘So should I drink more coffee?’ The honest answer is: not because of this paper', True,
          ('she', 'paper,” she said'), ('said', 'paper,” she said'), 'Amara Osei'),
        A('So should I drink more coffee?', True,
          'My own mother', 'asked', None, by='Amara Osei',
          note=NESTED + '; a question is content; unnamed person: speaker null'),
        A('the findings “robust but not a reason||don’t already.”', False,
          'Dr. Martin Kluge', 'called', 'Martin Kluge',
          note=NOMINAL + ' (called X Y); mixed quote; appositive and relative clause excluded from source'),
        A('If you’re drinking coffee||thanking you', True,
          ('Kluge', 'you,” Kluge said'), ('said', 'you,” Kluge said'), 'Martin Kluge'),
        A('the study added to “a growing body of evidence”', False,
          'The Liver Health Foundation', ('said', 'Foundation said'), 'Liver Health Foundation',
          note='mixed quote; organization as speaker; noun cue "in a statement": cue is "said"'),
        A('people to focus on proven risk factors such as alcohol and obesity', False,
          'The Liver Health Foundation', 'urged', 'Liver Health Foundation', note=DIRECTIVE + '; ' + COORD),
        A('the new study was designed to answer critics of that work', False,
          'Dr. Osei', ('said', 'Osei said the new'), 'Amara Osei',
          note='"had pointed to a similar link" (a document, topic only) is not annotated'),
        A('the study was “more good news||morning ritual.”', False,
          'The National Coffee Council', 'wrote', 'National Coffee Council',
          note='mixed quote; ' + PLATFORM),
        A('she had no ties to the industry||Medical Research Council', False,
          ('Osei', 'Osei said she had'), ('said', 'Osei said she had'), 'Amara Osei', note=TWO_THAT),
    ],
    people=[
        P('Amara Osei', ['Dr. Amara Osei of the University of Edinburgh', 'Dr. Amara Osei', 'Amara Osei', 'Osei',
                         'Dr. Osei'], ['Dr.']),
        P('Martin Kluge', ['Dr. Martin Kluge', 'Martin Kluge', 'Kluge',
                           'a hepatologist at Charité hospital in Berlin'], ['Dr.', 'hepatologist']),
    ],
    dates=[
        D('Tuesday', None),
        D('2009', '2009'),
        D('2015', '2015'),
    ],
)

# The articles of the second round (15-40) are annotated in gold_more.py, which
# imports the helpers above; make this script importable under its own name.
sys.modules.setdefault('build_gold', sys.modules[__name__])
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep corpus/gold free of __pycache__
from gold_more import MORE  # noqa: E402
ARTICLES.update(MORE)
# The 16 articles of the third round (41-56) are annotated in gold_third.py.
from gold_third import THIRD  # noqa: E402
ARTICLES.update(THIRD)


# ---------------------------------------------------------------- checks
OPEN_MARKS = {
    'curly': ('“',),
    'ascii': ('"',),
    'twoapos': ("''",),
    'british': ('‘',),
}
QUOTE_CHARS = '“”‘’"\''
WEEKDAYS = {calendar.day_name[i]: i for i in range(7)}
MONTHS = {calendar.month_name[i]: i for i in range(1, 13)}
MONTH_ABBR = {'Jan.': 1, 'Feb.': 2, 'Aug.': 8, 'Sept.': 9, 'Oct.': 10, 'Nov.': 11, 'Dec.': 12}
VALUE_RE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')


class GoldError(Exception):
    pass


def fail(doc_id, msg):
    raise GoldError('%s: %s' % (doc_id, msg))


def expected_date(text, doc_date, future):
    """The value the date rules derive for `text`, or None if no rule applies."""
    m = re.fullmatch(r'(?:(\w+\.?) (\d{1,2}), (\d{4}))', text)
    if m and (m.group(1) in MONTHS or m.group(1) in MONTH_ABBR):
        mon = MONTHS.get(m.group(1)) or MONTH_ABBR[m.group(1)]
        return '%s-%02d-%02d' % (m.group(3), mon, int(m.group(2)))
    m = re.fullmatch(r'(\w+) (\d{4})', text)
    if m and m.group(1) in MONTHS:
        return '%s-%02d' % (m.group(2), MONTHS[m.group(1)])
    if re.fullmatch(r'\d{4}(-\d{2}-\d{2})?', text):
        return text
    if doc_date is None:
        return None
    d = datetime.date.fromisoformat(doc_date)
    words = text.split()
    day = [w for w in words if w in WEEKDAYS]
    if day:
        wd = WEEKDAYS[day[0]]
        if future:
            delta = (wd - d.weekday()) % 7 or 7
            return (d + datetime.timedelta(days=delta)).isoformat()
        delta = (d.weekday() - wd) % 7
        return (d - datetime.timedelta(days=delta)).isoformat()
    if text == 'yesterday':
        return (d - datetime.timedelta(days=1)).isoformat()
    if text == 'today':
        return d.isoformat()
    if text.endswith('last month'):
        y, mo = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
        return '%d-%02d' % (y, mo)
    if text in ('earlier this month', 'this month'):
        return '%d-%02d' % (d.year, d.month)
    if text.lower() in ('last year',):
        return str(d.year - 1)
    if text == 'this year':
        return str(d.year)
    if text == 'next year':
        return str(d.year + 1)
    return None


def check_attr(doc_id, text, style, a, speakers_ok, marks=None):
    marks = marks or OPEN_MARKS[style]
    c = a['content_text']
    s, e = a['content']
    if c != c.strip() or not c:
        fail(doc_id, 'content has edge whitespace: %r' % c)
    if '\n' in c:
        fail(doc_id, 'content crosses a paragraph: %r' % c)
    for k in ('source', 'cue'):
        t = a[k + '_text']
        if t is not None and (t != t.strip(' ,') or '\n' in t):
            fail(doc_id, '%s has edge whitespace/comma: %r' % (k, t))
    if a['source_text'] and re.search(r"['’]s$", a['source_text']):
        fail(doc_id, 'source keeps a possessive: %r' % a['source_text'])
    note = a['note'] or ''
    if a['direct']:
        before = text[s - 1]
        after = text[e:e + 2]
        block = 'block quote' in note
        if before not in QUOTE_CHARS and not (block and before == '\n'):
            fail(doc_id, 'direct content not preceded by a quote mark: %r' % c)
        if not (after[:1] in QUOTE_CHARS or after[:1] == '\n' or
                (after[:1] == ',' and after[1:2] in QUOTE_CHARS)):
            fail(doc_id, 'direct content not followed by a quote mark: %r' % c)
        if after[:1] == '\n' and 'multi-paragraph' not in note and 'continuation' not in note and not block:
            fail(doc_id, 'open-ended direct quote needs a multi-paragraph note: %r' % c)
    else:
        if re.match(r'that\s', c) and 'determiner' not in note:
            fail(doc_id, 'indirect content starts with "that": %r' % c)
        if c.endswith('.'):
            fail(doc_id, 'indirect content ends with a period: %r' % c)
        has_q = any(m in c for m in marks)
        if has_q != ('mixed quote' in note):
            fail(doc_id, 'mixed-quote note mismatch (quote marks: %s): %r' % (has_q, c))
    if (a['cue'] is None) != ('continuation' in note or 'content: source' in note
                              or 'source: content' in note):
        fail(doc_id, 'cue null only for continuations: %r' % c)
    if a['speaker'] is not None and a['speaker'] not in speakers_ok:
        fail(doc_id, 'speaker %r is neither a listed person nor a listed organization' % a['speaker'])
    if a['date'] is not None and not VALUE_RE.match(a['date']):
        fail(doc_id, 'bad utterance date %r' % a['date'])
    if a['speaker'] is None and a['source'] is not None and 'null' not in note:
        fail(doc_id, 'speaker null without a note: %r' % c)


def span_of(doc_id, spec, text):
    try:
        s, e = sp(spec).resolve(text)
    except AnchorError as exc:
        fail(doc_id, str(exc))
    return [s, e], text[s:e]


def build_doc(doc_id, spec):
    path = os.path.join(CORPUS, doc_id + '.txt')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = re.match(r'date (\d{4}-\d{2}-\d{2})\n', text)
    doc_date = m.group(1) if m else None
    style = spec['style']
    people = spec['people']
    names = [p['name'] for p in people]
    if len(set(names)) != len(names):
        fail(doc_id, 'duplicate person')
    for p in people:
        for x in p['aliases'] + p['titles']:
            if x not in text:
                fail(doc_id, 'alias/title %r of %s is not a verbatim substring' % (x, p['name']))
        low = [x.lower() for x in p['aliases']]
        if len(set(low)) != len(low):
            fail(doc_id, 'aliases of %s repeat up to case' % p['name'])
    speakers_ok = set(names) | set(spec['orgs'])

    atts = []
    for a in spec['attributions']:
        out = {}
        out['content'], out['content_text'] = span_of(doc_id, a['content'], text)
        out['direct'] = a['direct']
        for k in ('source', 'cue'):
            if a[k] is None:
                out[k], out[k + '_text'] = None, None
            else:
                out[k], out[k + '_text'] = span_of(doc_id, a[k], text)
        for k in ('speaker', 'date', 'reported_by', 'note'):
            out[k] = a[k]
        check_attr(doc_id, text, style, out, speakers_ok, spec.get('marks'))
        atts.append(out)
    atts.sort(key=lambda x: (x['content'][0], x['content'][1], (x['cue'] or [0])[0]))
    seen = set()
    for x in atts:
        key = (tuple(x['content']), x['speaker'], tuple(x['cue'] or ()))
        if key in seen:
            fail(doc_id, 'duplicate attribution %r' % x['content_text'])
        seen.add(key)

    dates = []
    for d in spec['dates']:
        span, t = span_of(doc_id, d['spec'], text)
        v = d['value']
        if v is not None and not VALUE_RE.match(v):
            fail(doc_id, 'bad date value %r' % v)
        exp = expected_date(t, doc_date, d['future'])
        if exp is not None and exp != v:
            fail(doc_id, 'date %r: value %r, rules give %r' % (t, v, exp))
        if doc_date is None and v is not None and not re.search(r'\d{4}', t):
            fail(doc_id, 'date %r has a value but no year and no article date' % t)
        dates.append(dict(span=span, text=t, value=v))
    dates.sort(key=lambda x: x['span'][0])
    for x, y in zip(dates, dates[1:]):
        if x['span'][1] > y['span'][0]:
            fail(doc_id, 'overlapping dates %r %r' % (x['text'], y['text']))

    doc = dict(id=doc_id, date=doc_date, text=text, attributions=atts, people=people, dates=dates)
    # final guarantee of the format
    for x in atts:
        for k in ('content', 'source', 'cue'):
            if x[k] is not None:
                assert text[x[k][0]:x[k][1]] == x[k + '_text']
    for x in dates:
        assert text[x['span'][0]:x['span'][1]] == x['text']
    return doc


def counts(doc):
    atts = doc['attributions']
    note = lambda a: a['note'] or ''
    return dict(
        attributions=len(atts),
        direct=sum(a['direct'] for a in atts),
        indirect=sum(not a['direct'] for a in atts),
        mixed=sum('mixed quote' in note(a) for a in atts),
        nominal=sum('nominal report' in note(a) for a in atts),
        people=len(doc['people']),
        dates=len(doc['dates']),
        speaker_null=sum(a['speaker'] is None for a in atts),
        cue_null=sum(a['cue'] is None for a in atts),
        with_date=sum(a['date'] is not None for a in atts),
        with_reported_by=sum(a['reported_by'] is not None for a in atts),
    )


def main():
    files = sorted(f[:-4] for f in os.listdir(CORPUS) if f.endswith('.txt'))
    if sorted(ARTICLES) != files:
        sys.exit('build_gold: articles and annotations differ: %s' %
                 sorted(set(files) ^ set(ARTICLES)))
    docs = []
    try:
        for doc_id in files:
            docs.append(build_doc(doc_id, ARTICLES[doc_id]))
    except GoldError as exc:
        sys.exit('build_gold: %s' % exc)
    with open(OUT, 'w', encoding='utf-8') as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')

    cols = ['attributions', 'direct', 'indirect', 'mixed', 'nominal', 'people', 'dates']
    print('| article | attributions | direct | indirect (of which mixed) | nominal | people | dates |')
    print('|---|---|---|---|---|---|---|')
    tot = dict.fromkeys(counts(docs[0]), 0)
    for d in docs:
        c = counts(d)
        for k in tot:
            tot[k] += c[k]
        print('| %s | %d | %d | %d (%d) | %d | %d | %d |' % ((d['id'],) + tuple(c[k] for k in cols)))
    print('| total | %d | %d | %d (%d) | %d | %d | %d |' % tuple(tot[k] for k in cols))
    print()
    print('articles: %d (%d with a date line)' % (len(docs), sum(d['date'] is not None for d in docs)))
    print('direct share: %.0f%%' % (100.0 * tot['direct'] / tot['attributions']))
    print('speaker null: %d; cue null: %d; with utterance date: %d; with reported_by: %d'
          % (tot['speaker_null'], tot['cue_null'], tot['with_date'], tot['with_reported_by']))
    print('wrote %s' % os.path.relpath(OUT))


if __name__ == '__main__':
    main()
