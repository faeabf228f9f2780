"""Salary ranges stated in posting text: currency, period, min–max and the evidence span.

Postings write pay in many ways ("$120,000 - $150,000", "USD 120k–150k", "£45,000 to £55,000 per
annum", "€60K", "$55/hr", "up to $200k", "120.000 €") and also name money that is no salary
("$50M Series B", "$2,000 incentive", "$400/year education credit", "401(k)"). The parser therefore
looks for a money amount (a currency symbol or ISO code next to a number) or a range of two, and keeps
it only when

* nothing right around it says it is something else (funding, revenue, valuation, a bonus, stipend,
  allowance, credit …), and no ``M``/``B``/million/billion multiplier is attached;
* something says it is pay: a pay word (salary, compensation, pay, wage, rate, OTE …) in the same
  sentence or the few lines before (a heading "Compensation range" above a bullet), the 💰 sign of
  job boards, or a stated period with an amount plausible for that period;
* the amounts are plausible for the period (an annual salary of $400 is a benefit, not pay).

The period is the stated one ("per year", "/hr", "annual salary", "hourly rate") or, when none is
stated, inferred from the size (``period_stated`` says which): at least 10,000 a year, under 500 an
hour. A bare ``$`` is taken as US dollars; ``CA$``, ``C$``, ``A$`` or a code beside the amount
("$113,800 CAD") override it. Amounts are never converted between currencies.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

__all__ = ["Salary", "parse_salaries", "YEARLY_FACTORS", "PERIODS", "PARSER_VERSION"]

#: Bump when parsing changes: stored salaries of an older version are parsed again.
PARSER_VERSION = "1"
PERIODS = ("hour", "day", "week", "month", "year")
#: Multipliers to a yearly figure: 40 h × 52 weeks, 260 working days, 52 weeks, 12 months.
YEARLY_FACTORS = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

_SYMBOLS = {"US$": "USD", "U$": "USD", "CA$": "CAD", "C$": "CAD", "CAN$": "CAD", "A$": "AUD", "AU$": "AUD",
            "NZ$": "NZD", "S$": "SGD", "SG$": "SGD", "HK$": "HKD", "R$": "BRL", "MX$": "MXN", "$": "USD", "£": "GBP",
            "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "zł": "PLN", "Rs.": "INR", "Rs": "INR", "₪": "ILS"}
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "SGD", "HKD", "CHF", "INR", "JPY", "CNY", "SEK", "NOK", "DKK",
          "PLN", "CZK", "HUF", "RON", "BRL", "MXN", "ZAR", "AED", "ILS", "KRW", "TRY", "BGN")
# Rough size of a currency unit against the dollar, for plausibility bounds only (an annual salary
# of 500,000 is plausible in rupees, not in euros); amounts are never converted.
_SCALE = {"JPY": 100, "INR": 30, "KRW": 1000, "HUF": 300, "CZK": 20, "ISK": 100, "CLP": 800, "COP": 3000,
          "IDR": 10000, "PHP": 50, "THB": 30, "TRY": 20, "MXN": 15, "ZAR": 15, "SEK": 10, "NOK": 10, "DKK": 7,
          "CNY": 7, "HKD": 8, "BRL": 5, "PLN": 4, "AED": 4, "ILS": 4, "RON": 4, "BGN": 2}

_SYM_RE = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True) if s not in ("Rs", "Rs."))
# The look-ahead lets the engine skip, at C speed, every position that cannot start a currency.
_CUR_FIRST = "".join(sorted({re.escape(c[0]) for c in (*_SYMBOLS, *_CODES)}))
_CUR = re.compile(rf"(?=[{_CUR_FIRST}])(?:\b(?:{'|'.join(_CODES)})\b\s?(?:{_SYM_RE})?|(?:{_SYM_RE})|\bRs\.?(?=\s?\d))")
# 120,000 · 120.000 · 120 000 · 120'000 · 150000.0 · 55.50 · 1,234.56 · 1.234,56
_NUM = re.compile(r"(?<![\w.,])(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f']\d{3})+)(?:[.,]\d{1,2})?"
                  r"|\d+(?:[.,]\d{1,2})?)(?![\d])")
_SUFFIX = re.compile(r"\s?(?:(?P<k>[kK])(?![a-zA-Z])|(?P<big>[mM](?:n|m|illion|io)?|[bB](?:n|illion)?)(?![a-zA-Z]))")
_SEP = re.compile(r"\s*(?:-{1,2}|–|—|~|\\-|\bto\b|\band\b|\buntil\b|\bbis\b|\bà\b)\s*", re.I)
_PERIOD_AFTER = re.compile(
    r"\s*(?:(?:USD|EUR|GBP|CAD|AUD|CHF)\s*)?(?:,\s*)?(?:/\s*|\bper\s+|\ban?\s+|\beach\s+|\bp\.?\s?)"
    r"(?P<p>hours?|hrs?|h|years?|yrs?|y|annum|a\.?|months?|mos?|mth|weeks?|wk|days?|d)\b\.?"
    r"|\s*(?:\(|,|-)?\s*(?P<adv>annually|yearly|annual|hourly|monthly|weekly|daily|p\.a\.?|pa)\b", re.I)
_PERIOD_WORDS = {"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "hourly": "hour",
                 "year": "year", "years": "year", "yr": "year", "yrs": "year", "y": "year", "annum": "year",
                 "a": "year", "a.": "year", "annually": "year", "yearly": "year", "annual": "year", "p.a.": "year",
                 "p.a": "year", "pa": "year", "month": "month", "months": "month", "mo": "month", "mos": "month",
                 "mth": "month", "monthly": "month", "week": "week", "weeks": "week", "wk": "week", "weekly": "week",
                 "day": "day", "days": "day", "d": "day", "daily": "day"}
_PERIOD_BEFORE = re.compile(r"\b(?P<w>annual|annually|yearly|per annum|hourly|monthly|weekly|daily|day rate)\b", re.I)
_UP_TO = re.compile(r"(?:\bup\s+to|\bmax(?:imum)?\.?|\bas\s+much\s+as|\bunder|\bno\s+more\s+than)\s*:?\s*$", re.I)
_FROM = re.compile(r"(?:\bfrom|\bstarting\s+(?:at|from)|\bstarts?\s+at|\bmin(?:imum)?\.?|\bat\s+least|\bover|\bupwards\s+of)"
                   r"\s*:?\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_PAY = re.compile(r"(?=[sprcwobegSPRCWOBEG💰💵])(?:salar(?:y|ies|io)|\bpay\b|\brange\b|\bband\b|\bpaid\b|compensation"
                  r"|\bcomp\b|\bwages?\b|\brates?\b|remunerat|\bOTE\b"
                  r"|\bearn(?:ings?)?\b|\bbase\b|\bgross\b|\bpay\s*range|\bGehalt\b|\bsalaire\b|\bstipendio\b|💰|💵)", re.I)
_NOT_PAY = re.compile(
    r"(?=[rfsvamgictepbdo4])\b(?:rais(?:e|ed|ing)|fund(?:s|ed|ing|raising)?|series\s+[a-h]\b|valuations?|valued|revenues?|ARR|MRR|GMV"
    r"|invest(?:ed|ment|ments|ors?)?|venture|capital|exits?|purchased|acquired|acquisition|sales|turnover"
    r"|budgets?|stipends?|allowances?|credits?|reimburse\w*|incentives?|bonus(?:es)?|referral|subsidi[sz]ed"
    r"|vouchers?|donations?|grants?|prizes?|awards?|claims?|savings|spend|deductible|premiums?"
    r"|out-of-pocket|equity|match(?:ing)?|contribut\w+|401\s?\(?k\)?|market\s+cap|benefits?)\b", re.I)
# The word right after an amount that makes it something other than pay ("$2,000 incentive").
_NOT_PAY_NEXT = re.compile(
    r"\s*(?:in\s+|of\s+|for\s+|per\s+employee\b|each\s+)?(?:incentives?|bonus(?:es)?|signing|sign-on|joining"
    r"|relocation|referral|stipends?|allowances?|credits?|budgets?|vouchers?|reimburse\w*|grants?|awards?|prizes?"
    r"|donations?|funding|in\s+funding|raised|revenue|ARR|MRR|GMV|valuation|investment|series\s+[a-h]\b"
    r"|equity|savings|premiums?|deductible|out-of-pocket|per\s+employee|health|wellness|education|learning"
    r"|home[- ]office|internet|phone|gym|meals?|lunch)\b", re.I)
_BIG_WORDS = re.compile(r"^\s?(?:million|billion|bn|mn|mio|mrd)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Salary:
    """One pay statement: ``minimum``/``maximum`` in ``currency`` per ``period`` (either may be None for
    "up to"/"from"); ``start``/``end`` index the text; ``yearly_*`` are scaled by YEARLY_FACTORS."""

    currency: str
    period: str
    minimum: float | None
    maximum: float | None
    start: int
    end: int
    text: str
    period_stated: bool

    @property
    def yearly_min(self) -> float | None:
        return None if self.minimum is None else self.minimum * YEARLY_FACTORS[self.period]

    @property
    def yearly_max(self) -> float | None:
        return None if self.maximum is None else self.maximum * YEARLY_FACTORS[self.period]

    def to_dict(self) -> dict:
        return {**asdict(self), "yearly_min": self.yearly_min, "yearly_max": self.yearly_max}


@dataclass
class _Amount:
    value: float
    start: int
    end: int
    currency: str | None
    k: bool  # written with a k suffix
    sure: bool  # the currency was written unambiguously (a code or a symbol other than a bare $)
    big: bool  # written with an M/B/million multiplier: never a salary
    period: str | None = None


def _number(raw: str) -> float | None:
    """The value of one written number; thousands separators of either style, a decimal part of 1–2 digits."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    if " " in s:
        s = s.replace(" ", "")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        head, _, tail = s.rpartition(sep)
        if len(tail) == 3 and s.count(sep) >= 1 and head.replace(sep, "").isdigit() and len(head.split(sep)[0]) <= 3:
            s = s.replace(sep, "")  # 120,000 / 120.000: thousands
        elif s.count(sep) == 1:
            s = head + "." + tail  # 55.50 / 55,50: decimals
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


def _currency_code(token: str) -> str:
    token = token.strip()
    code = token[:3]
    if code in _CODES:
        return code
    return _SYMBOLS.get(token, _SYMBOLS.get(token.rstrip("."), "USD"))


def _amounts(text: str, curs: list[tuple[int, int, str]]) -> list[_Amount]:
    """Every number, with the currency right before or after it (one space at most) where there is one."""
    by_end = {e: c for _s, e, c in curs}
    by_end.update({e + 1: c for _s, e, c in curs if e < len(text) and text[e] in " \u00a0"})
    by_start = {s: c for s, _e, c in curs}
    by_start.update({s - 1: c for s, _e, c in curs if s > 0 and text[s - 1] in " \u00a0"})
    out = []
    for m in _NUM.finditer(text):
        value = _number(m.group(1))
        if value is None:
            continue
        start, end = m.start(), m.end()
        suf = _SUFFIX.match(text, end)
        k = big = False
        if suf:
            k, big = bool(suf.group("k")), bool(suf.group("big"))
            end = suf.end()
        if _BIG_WORDS.match(text, end):
            big = True
        cur = by_end.get(start)
        cur_start = start
        if cur is not None:
            cur_start = max(s for s, e, _c in curs if e in (start, start - 1))
        after = by_start.get(end)
        if cur is None and after is not None:
            cur = after
        if after is not None:  # "$113,800 CAD": a code after the number says more than a bare $
            code_m = _CUR.match(text, end + (1 if text[end:end + 1] in " \u00a0" else 0))
            if code_m:
                written = code_m.group().strip()
                if written[:3] in _CODES or cur is None:
                    cur = _currency_code(written)
                end = code_m.start() + len(code_m.group().rstrip())
        if k:
            value *= 1000
        written = text[cur_start:m.start()].strip() + text[m.end():end]
        sure = cur is not None and not (cur == "USD" and "USD" not in written and "US" not in written)
        out.append(_Amount(value, cur_start, end, cur, k=k, sure=sure, big=big))
    return out


def _period_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _PERIOD_AFTER.match(text, pos)
    if not m:
        return None, pos
    word = (m.group("p") or m.group("adv")).lower()
    return _PERIOD_WORDS.get(word), m.end()


def _sentence_before(text: str, pos: int, lines: int = 3, limit: int = 240) -> str:
    """The text before ``pos`` back to the start of its sentence, or of the few lines above when the
    amount starts its own line (a heading "Compensation range" over a bullet)."""
    lo = max(0, pos - limit)
    chunk = text[lo:pos]
    ends = list(_SENTENCE_END.finditer(chunk))
    line_start = chunk.rfind("\n") + 1
    own_line = not chunk[line_start:].strip(" \t*-•#>:|`")
    if ends and not own_line:
        return chunk[ends[-1].end():]
    if own_line:
        kept = chunk.split("\n")[-(lines + 2):]
        return "\n".join(kept)
    return chunk


def _plausible(lo: float | None, hi: float | None, period: str, currency: str) -> bool:
    scale = _SCALE.get(currency, 1)
    bounds = {"hour": (5, 1_000), "day": (40, 5_000), "week": (200, 20_000), "month": (500, 100_000),
              "year": (10_000, 5_000_000)}[period]
    values = [v for v in (lo, hi) if v is not None]
    return bool(values) and all(bounds[0] * scale <= v <= bounds[1] * scale for v in values)


def _infer_period(lo: float | None, hi: float | None, currency: str) -> str | None:
    scale = _SCALE.get(currency, 1)
    top = max(v for v in (lo, hi) if v is not None)
    if top >= 10_000 * scale:
        return "year"
    if top <= 300 * scale:
        return "hour"
    return None  # 300–10,000 with no period: a month, a week or a bonus; not guessed


def parse_salaries(text: str) -> list[Salary]:
    """Every salary statement in ``text``, in text order. Never raises on any string."""
    if not text or not isinstance(text, str):
        return []
    curs = [(m.start(), m.end(), _currency_code(m.group())) for m in _CUR.finditer(text)]
    if not curs:
        return []  # every salary names its currency
    amounts = _amounts(text, curs)
    out: list[Salary] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = None
        if i + 1 < len(amounts):
            nxt = amounts[i + 1]
            gap = text[a.end:nxt.start]
            period_a, p_end = _period_after(text, a.end)
            if period_a:
                gap = text[p_end:nxt.start]
            if _SEP.fullmatch(gap) and (" and " not in gap.lower() or _BETWEEN.search(text[max(0, a.start - 12):a.start])):
                b = nxt
                a.period = period_a
        i += 2 if b is not None else 1
        if a.currency is None and (b is None or b.currency is None):
            continue  # no currency written: a count, a year, a percentage …
        salary = _salary(text, a, b)
        if salary is not None:
            out.append(salary)
    return out


def _salary(text: str, a: _Amount, b: _Amount | None) -> Salary | None:
    if a.big or (b is not None and b.big):
        return None
    if b is not None and a.k != b.k and a.value < 1000 <= b.value and b.k:
        a.value *= 1000  # "$190-200K": the k of the second number applies to both
    currency = a.currency
    if b is not None and b.currency and (b.sure or not currency):
        if a.sure and a.currency != b.currency:
            return None  # two currencies: not one range
        currency = b.currency  # "$113,800 - $187,800 CAD": the code says which dollar
    if currency is None:
        return None
    end = (b or a).end
    period, p_end = _period_after(text, end)
    stated = period is not None
    if period is None and a.period:
        period, stated = a.period, True
    if stated:
        end = p_end
    before = _sentence_before(text, a.start)
    after = text[end:end + 40]
    if period is None:
        pm = list(_PERIOD_BEFORE.finditer(before[-80:]))
        if pm:
            word = pm[-1].group("w").lower()
            period = "hour" if word == "hourly" else "month" if word == "monthly" else "week" if word == "weekly" else \
                "day" if word in ("daily", "day rate") else "year"
            stated = True
    close_before = before[-45:]
    if _NOT_PAY.search(close_before) and not _PAY.search(close_before[-25:]):
        return None
    if _NOT_PAY_NEXT.match(text, end):  # "$2,000 incentive", "$50 credit": the word right after decides
        return None
    lo, hi = a.value, (b.value if b is not None else a.value)
    prefix = text[max(0, a.start - 24):a.start]
    if b is None and _UP_TO.search(prefix):
        lo = None
    elif b is None and _FROM.search(prefix):
        hi = None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    if period is None:
        period = _infer_period(lo, hi, currency)
        if period is None:
            return None
    if not _plausible(lo, hi, period, currency):
        return None
    # Pay when a pay word is near; a range of two plausible amounts also when one is within a few lines
    # before (ranges by location under "Base compensation will vary …"); a stated hourly or daily rate
    # needs none.
    if not (_PAY.search(before) or _PAY.search(after[:20])
            or (b is not None and (stated or _PAY.search(text[max(0, a.start - 400):a.start])))
            or (b is None and stated and period in ("hour", "day"))):
        return None
    start = a.start
    if lo is None:
        start = max(0, a.start - len(prefix) + (_UP_TO.search(prefix).start()))
    elif hi is None and b is None:
        start = max(0, a.start - len(prefix) + (_FROM.search(prefix).start()))
    return Salary(currency, period, lo, hi, start, end, text[start:end], stated)
