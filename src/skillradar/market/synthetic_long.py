"""Padding that gives synthetic postings the length of real ones, for throughput benchmarks.

The template postings of :mod:`.synthetic` are ~1 KB; the real AI/ML postings in
``tests/data/real/postings`` are 1.7–8.8 KB (median 4.9 KB), and extraction and deduplication cost
grows with length. :func:`padding` writes what makes real postings long without asking for skills:
a paragraph on the role, more responsibilities, a longer company story, a benefits list, an
equal-opportunity statement and how to apply. Sentences are assembled from parts, so two postings
rarely share more than a few sentences (near-duplicate detection sees realistic text variety), and no
part names a skill of the bundled taxonomy, so the planted skill truths stay as they were.
"""

from __future__ import annotations

import random

__all__ = ["padding"]

_SUBJ = ("You", "Our team", "The group", "This role", "Each engineer", "The person in this role", "Together we")
_VERB = ("will shape", "will improve", "will look after", "will rethink", "help us grow", "will take ownership of",
         "will simplify", "will measure", "will strengthen", "will document", "will plan")
_OBJ = ("the way our customers get answers", "how teams across the company make decisions", "the tools our analysts use",
        "our onboarding experience", "the quality of what we ship", "the reliability of the services we run",
        "the roadmap for the coming year", "the way we learn from incidents", "our internal handbooks",
        "the experience of people who rely on us", "how quickly we turn feedback into changes",
        "the rhythm of our planning cycles", "the partnership with our operations colleagues")
_WHY = ("so that people can trust the results", "because small details matter to our users",
        "while keeping the product simple", "with a strong focus on clarity", "in close contact with customers",
        "across several time zones", "as the company doubles in size", "without losing sight of the basics",
        "together with colleagues from sales and support", "in a calm and respectful way")
_RESP_VERB = ("Coordinate", "Prepare", "Present", "Clarify", "Organise", "Follow up on", "Champion", "Review",
              "Prioritise", "Summarise", "Facilitate", "Streamline", "Support")
_RESP_OBJ = ("weekly planning sessions", "quarterly goals with your manager", "hand-overs between teams",
             "requests from internal stakeholders", "onboarding of new colleagues", "written proposals for larger changes",
             "post-incident reviews", "demos for customers and partners", "the backlog of the team",
             "decisions in short written notes", "retrospectives after each release", "status updates for leadership")
_STORY = ("{c} was founded {y} years ago by a small group of friends who had worked together before.",
          "Since then {c} has grown to more than {n} people in {k} countries.",
          "We are proud that most of our customers stay with us for many years.",
          "Our offices are light, quiet and close to public transport, and many of us work from home most days.",
          "We believe that good work comes from rested people who have time to think.",
          "Last year we opened a second office and welcomed {k} new teams.",
          "Our investors share our long-term view and give us room to build carefully.",
          "We publish our salary bands internally and review them every year.",
          "Many of our colleagues started as interns and now lead teams of their own.",
          "We support local schools and charities with volunteer days and donations.",
          "Our leadership team holds an open question hour every month.",
          "We measure ourselves by how much time we save the people who use our products.")
_PERKS = ("Medical, dental and vision insurance for you and your family", "A pension plan with employer contributions",
          "{d} days of paid vacation plus public holidays", "Paid parental leave of {w} weeks",
          "A monthly wellness allowance", "Flexible working hours and a four-day week in summer",
          "A budget of {m} per year for conferences and courses", "Company-wide offsites twice a year",
          "A new laptop and the equipment you need at home", "Commuter benefits and bike leasing",
          "Life and disability insurance", "An employee assistance programme", "Stock options for every employee",
          "Sabbatical leave after five years", "Free lunch on office days", "Mental health support through a partner")
_EEO = ("{c} is an equal opportunity employer. We welcome applicants of every background, gender identity, sexual "
        "orientation, age, religion, disability and nationality, and we make hiring decisions based on merit alone. "
        "If you need an adjustment during the hiring process, tell us and we will make it happen.",
        "We are committed to building a diverse and inclusive workplace. All qualified applicants will receive "
        "consideration for employment without regard to race, colour, religion, sex, national origin, disability or "
        "veteran status. Reasonable accommodations are available on request at every stage.")
_APPLY = ("Send us your CV and a few lines about why this role interests you. We reply to every application within "
          "{d} working days. The process has {k} steps: a call with our recruiter, a conversation with the team, a "
          "practical exercise we pay you for, and a final talk with a founder.",
          "Apply through our careers page. We read every application ourselves and aim to complete the process within "
          "{w} weeks. You will meet the people you would work with before you decide.")


_NOUN = ("invoices", "shipments", "claims", "patients", "warehouses", "contracts", "orders", "tickets", "subscriptions",
         "suppliers", "routes", "campaigns", "appointments", "policies", "payments", "listings", "deliveries", "loans",
         "reservations", "inspections", "permits", "harvests", "tenders", "audits", "refunds", "shifts", "parcels",
         "leases", "donations", "enrolments", "prescriptions", "invoicing rules", "price lists", "store layouts",
         "call scripts", "field visits", "repair jobs", "meal plans", "fleet schedules", "energy bills", "tax forms",
         "grant applications", "court filings", "lab samples", "crop forecasts", "hotel bookings", "ferry timetables",
         "school timetables", "museum archives", "insurance quotes", "spare parts", "service visits", "rent reviews",
         "product recalls", "loyalty points", "return labels", "charging stations", "water meters", "solar panels",
         "cargo manifests", "bank statements", "medical records", "customs declarations", "train delays")
_ADJ = ("regional", "monthly", "overdue", "seasonal", "urgent", "cross-border", "rural", "wholesale", "public",
        "handwritten", "recurring", "incoming", "archived", "disputed", "scanned", "multilingual", "weekly", "local",
        "unpaid", "late", "fragile", "refrigerated", "second-hand", "municipal", "hospital", "coastal", "nightly",
        "quarterly", "duplicate", "partial", "bulk", "premium", "legacy", "frozen", "cancelled", "pending")
_AUD = ("nurses", "farmers", "shop owners", "dispatchers", "accountants", "teachers", "city planners", "pharmacists",
        "truck drivers", "hotel managers", "social workers", "insurance agents", "call-centre staff", "lawyers",
        "warehouse teams", "field engineers", "store managers", "ship captains", "clinic receptionists", "tenants",
        "volunteers", "landlords", "bakers", "electricians", "travel agents", "customs officers", "librarians")
_PLACE = ("in Lisbon", "in Kraków", "in Leeds", "in Lyon", "in Rotterdam", "in Porto", "in Gdańsk", "in Bilbao",
          "in Aarhus", "in Graz", "in Turin", "in Tampere", "in Ghent", "in Cork", "in Brno", "in Malmö",
          "across the Nordics", "along the Rhine", "in three provinces", "in small towns", "in the Alps")
_DO = ("sort", "reconcile", "approve", "forecast", "chase", "schedule", "price", "route", "audit", "translate",
       "summarise", "archive", "renew", "flag", "match", "track", "verify", "batch", "split", "merge", "rank", "count")
_SENTENCES = (
    "Every week {aud} {place} {do} {n} {adj} {noun} with our help.",
    "Last year {aud} {place} used the product to {do} {adj} {noun} in half the time.",
    "You will help {aud} {do} {adj} {noun} and {do2} {adj2} {noun2} without extra paperwork.",
    "Our largest customer {place} handles {n} {adj} {noun} a day.",
    "The team wants {aud} to {do} {noun} as easily as they {do2} {noun2}.",
    "Today {aud} still {do} {adj} {noun} by hand, which is where you come in.",
    "Next quarter we will bring {adj} {noun} to {aud} {place}.",
    "We learned from {aud} {place} that {adj} {noun} and {adj2} {noun2} are the hardest part of their day.",
    "A typical week includes a visit to {aud} {place} who {do} {adj} {noun}.",
    "We measure success by how many {adj} {noun} {aud} no longer have to {do}.",
)


def _sentence(rng: random.Random) -> str:
    """A sentence about the business, from a template and large word lists: two postings rarely share
    a word 3-gram here, as postings from different employers rarely do."""
    c = rng.choice
    return c(_SENTENCES).format(aud=c(_AUD), place=c(_PLACE), do=c(_DO), do2=c(_DO), adj=c(_ADJ), adj2=c(_ADJ),
                                noun=c(_NOUN), noun2=c(_NOUN), n=rng.randint(12, 9000))


def padding(company: str, rng: random.Random) -> dict[str, list[str]]:
    """Lines to add to one posting, by place: ``role`` (after the company paragraph), ``resp`` (more
    responsibility bullets), ``story`` (company paragraph), ``perks``, ``eeo`` and ``apply``.

    Lengths vary like the real postings': about 3.5–6 KB with the template around them."""
    fill = dict(c=company, y=rng.randint(3, 25), n=rng.randint(40, 4000), k=rng.randint(2, 9), d=rng.randint(20, 35),
                w=rng.randint(12, 26), m=rng.choice(("1,500 EUR", "2,000 USD", "1,000 GBP", "3,000 CHF")))
    scale = rng.choice((0.6, 0.9, 1.0, 1.2, 1.4, 1.8))
    role = [" ".join(_sentence(rng) for _ in range(max(2, round(rng.randint(4, 7) * scale)))) for _ in range(3)]
    resp = [f"- {rng.choice(_RESP_VERB)} {rng.choice(_RESP_OBJ)} for {rng.choice(_AUD)} {rng.choice(_PLACE)}, "
            f"starting with {rng.choice(_ADJ)} {rng.choice(_NOUN)}" for _ in range(max(3, round(rng.randint(5, 10) * scale)))]
    story = [" ".join([s.format(**fill) for s in rng.sample(_STORY, max(2, min(len(_STORY), round(3 * scale))))]
                      + [_sentence(rng) for _ in range(max(2, round(4 * scale)))])]
    perks = ["- " + p.format(**fill) for p in rng.sample(_PERKS, max(4, min(len(_PERKS), round(rng.randint(7, 11) * scale))))]
    return dict(role=role, resp=resp, story=story, perks=perks, eeo=[rng.choice(_EEO).format(**fill)],
                apply=[rng.choice(_APPLY).format(**fill)])
