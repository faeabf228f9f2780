"""Salary parsing: written examples of real formats, money that is no salary, and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.market.salary import PERIODS, YEARLY_FACTORS, parse_salaries

from .._examples import examples


def one(text: str):
    found = parse_salaries(text)
    assert len(found) == 1, (text, found)
    s = found[0]
    assert text[s.start:s.end] == s.text
    return s.currency, s.period, s.minimum, s.maximum


@pytest.mark.parametrize("text, expected", [
    ("Salary range: $120,000 - $150,000", ("USD", "year", 120000, 150000)),
    ("Pay: USD 120k–150k", ("USD", "year", 120000, 150000)),
    ("£45,000 to £55,000 per annum", ("GBP", "year", 45000, 55000)),
    ("Salary: €60K", ("EUR", "year", 60000, 60000)),
    ("$55/hr, contract through June", ("USD", "hour", 55, 55)),
    ("Salary up to $200k depending on experience", ("USD", "year", None, 200000)),
    ("Gehalt: 120.000 €", ("EUR", "year", 120000, 120000)),
    ("Salary 60.000 - 75.000 EUR brutto", ("EUR", "year", 60000, 75000)),
    ("Compensation: $45 - $60 per hour", ("USD", "hour", 45, 60)),
    ("Base salary: $133,000-180,000", ("USD", "year", 133000, 180000)),
    ("**Salary Range: $190-200K**", ("USD", "year", 190000, 200000)),
    ("A reasonable estimate of the current range is **$113,800 - $187,800 CAD**.", ("CAD", "year", 113800, 187800)),
    ("Canada Residents:CA$108,000-CA$135,000/year", ("CAD", "year", 108000, 135000)),
    ("Compensation from £50,000", ("GBP", "year", 50000, None)),
    ("The salary is between $100,000 and $120,000 a year.", ("USD", "year", 100000, 120000)),
    ("Day rate: £500-£600", ("GBP", "day", 500, 600)),
    ("Salary: ₹12,00,000 per annum", ("INR", "year", 1200000, 1200000)),
    ("Salary 4.500,50 EUR per month", ("EUR", "month", 4500.5, 4500.5)),
    ("#### `💰 USD 150000.0~230000.0` `🌎 United States`", ("USD", "year", 150000, 230000)),
    ("#### `💰 65k-95k USD` `🌎 Dublin`", ("USD", "year", 65000, 95000)),
    ("Estimated annual salary of $140,000 \\- $172,000", ("USD", "year", 140000, 172000)),
    ("Pay zones for this role:\n\nZone A: USD $163,600 - USD $245,400", ("USD", "year", 163600, 245400)),
    ("**Compensation:** Base pay range of $160,000 - $200,000 + Series B equity", ("USD", "year", 160000, 200000)),
    ("The hourly rate is CHF 95", ("CHF", "hour", 95, 95)),
    ("Salary: 150 000 - 180 000 SEK per month", ("SEK", "month", 150000, 180000)),
])
def test_real_formats(text, expected):
    assert one(text) == expected


def test_the_stated_period_is_marked_stated_and_an_inferred_one_is_not():
    stated = parse_salaries("Salary: $120,000 - $150,000 per year")[0]
    inferred = parse_salaries("Salary: $120,000 - $150,000")[0]
    assert stated.period_stated and not inferred.period_stated
    assert stated.text.endswith("per year")


@pytest.mark.parametrize("text", [
    "We raised $50M Series B led by top investors.",
    "Backed by over $220 million of investment since 2015.",
    "We are one of the fastest growing startups ($0 to $10M in ARR in <2 years).",
    "Deel is very far along the way to become the fastest company to $1B revenue.",
    "401(k) matching and a 401k plan with company match",
    "Founded in 2015, we have nearly 300 employees in 2024.",
    "New family members will also receive a one time $2,000 incentive.",
    "  * $400/year Continuing Education Credit",
    "  * $200/mos Health and Wellness Stipend",
    "XP Health eyewear benefits ($180, 3x per year)",
    "contributes $100/month for out-of-pocket expenses!",
    "#### `💰 ~0k` `🌎 Remote`",
    "#### `💰 $Competitive` `🌎 Poland`",
    "Bonus for recommending Candidates starting from 6 000 up to 10000 PLN.",
    "Our global network processes over $58 billion annually.",
    "With a recent valuation of $2 billion, we are in a phase of hyper growth.",
    "Courses are subsidized for up to 2 000 PLN.",
    "Python 3.11, GPT-4 and 5+ years of experience",
])
def test_money_that_is_no_salary(text):
    assert parse_salaries(text) == []


def test_several_ranges_in_one_text_are_each_found_with_their_own_currency():
    text = ("### Base Salary\n  * United States Residents: $90,000-$134,000/year\n"
            "  * Canada Residents:CA$108,000-CA$135,000/year\n  * UK Residents: £72,800-£91,000/year\n")
    got = [(s.currency, s.minimum, s.maximum) for s in parse_salaries(text)]
    assert got == [("USD", 90000, 134000), ("CAD", 108000, 135000), ("GBP", 72800, 91000)]


def test_a_heading_above_a_bare_range_says_it_is_pay():
    text = "**The base pay range for this position is:**\n\n$130,000—$140,000 USD\n"
    assert one(text) == ("USD", "year", 130000, 140000)
    base = "Base compensation will vary by location.\n\nSF Bay Area, NYC: $215,000 - $260,000\nAll other cities: "
    found = [(s.minimum, s.maximum) for s in parse_salaries(base + "$185,000 - $225,000")]
    assert found == [(215000, 260000), (185000, 225000)]  # a pay word a few lines up
    assert parse_salaries("**Our office:**\n\n$130,000—$140,000 USD\n") == []  # no pay word at all


def test_yearly_figures_scale_by_the_period():
    s = parse_salaries("Rate: $50 - $70 per hour")[0]
    assert (s.yearly_min, s.yearly_max) == (50 * 2080, 70 * 2080)
    assert YEARLY_FACTORS == {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
_MONEYISH = st.lists(st.sampled_from(["$", "€", "£", "USD", "EUR", " ", "-", "–", "to", "k", "K", "M", ",", ".",
                                      "000", "120", "55", "/hr", "per year", "salary", "base pay", "\n", "~", "up to",
                                      "401(k)", "Series B", "between", "and", "CA$", "₹", "12,00,000"]),
                     max_size=40).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(_TEXT, _MONEYISH))
def test_parse_never_raises_and_every_result_is_well_formed(text):
    for s in parse_salaries(text):
        assert s.minimum is not None or s.maximum is not None
        if s.minimum is not None and s.maximum is not None:
            assert s.minimum <= s.maximum
        assert s.period in PERIODS and len(s.currency) == 3 and s.currency.isupper()
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text
        assert all(v is None or v > 0 for v in (s.minimum, s.maximum))


@settings(max_examples=examples(200), deadline=None)
@given(a=st.integers(20, 900), b=st.integers(20, 900), sym=st.sampled_from([("$", "USD"), ("£", "GBP"), ("€", "EUR")]),
       sep=st.sampled_from([" - ", "-", " – ", " to ", "—", "~"]))
def test_any_written_yearly_range_is_read_back_in_order(a, b, sym, sep):
    text = f"The salary range is {sym[0]}{a * 1000:,}{sep}{sym[0]}{b * 1000:,}."
    assert one(text) == (sym[1], "year", min(a, b) * 1000, max(a, b) * 1000)
