"""Does the résumé describe doing AI/ML work: building, training, fitting or evaluating models?

Naming AI/ML skills is easy for anyone who works near them: a data-protection officer reviews
"machine-learning models", an SRE serves "LLMs", a recruiter hires for "PyTorch". People who do the
work describe it: "trained a random survival forest", "built the churn model", "fine-tuned the LLM
on support tickets", "validated the forecast on two later years". A *practice sentence* is one where
a verb of making or testing a model and a model-like object sit close together, and no verb of
talking, selling or advising comes first. How many the résumé has scales the credit its AI/ML core
skills earn (``score``), and the sentences themselves are the explanation.

The test is on words only, so it is deterministic and cheap (one regex pass per sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..detect.context import section_at
from .aims import aim_at, is_aim_sentence
from .involvement import short_line_breaks

__all__ = ["Practice", "find_practice", "PRACTICE_FACTORS"]

_VERB = (r"(?:train(?:s|ed|ing)?|retrain(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|fit(?:s|ted|ting)?|refit(?:s|ted|ting)?|"
         r"buil(?:d|ds|t|ding)|rebuil(?:d|ds|t|ding)|develop(?:s|ed|ing)?|validat(?:e|es|ed|ing)|evaluat(?:e|es|ed|ing)|"
         r"benchmark(?:s|ed|ing)?|calibrat(?:e|es|ed|ing)|prototyp(?:e|es|ed|ing)|implement(?:s|ed|ing)?|"
         r"design(?:s|ed|ing)?|engineered|tun(?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|distill(?:s|ed|ing)?|"
         r"pre-?train(?:s|ed|ing)?|quanti[sz](?:e|es|ed|ing)|prun(?:e|es|ed|ing)|export(?:s|ed|ing)?|"
         r"re-?implement(?:s|ed|ing)?|own(?:s|ed)?|improv(?:e|es|ed|ing)|ship(?:s|ped|ping)?|deploy(?:s|ed|ing)?|"
         r"introduc(?:e|es|ed|ing)|serv(?:e|es|ed|ing))")
_NEAR = 60  # characters between the verb and the object, either order
_OBJECT = (r"(?:models?|classifiers?|regressions?|regressors?|forests?|(?:neural|graph|convolutional|recurrent|siamese|deep) "
           r"networks?|convnets?|embeddings?|transformers?|llms?|(?:ai|llm|autonomous|conversational|rl|tool-using|multi-agent) agents?|forecasts?|predictors?|recommenders?|rankers?|"  # noqa: E501 (one regex alternative list)
           r"detectors?|segmentation|estimators?|gbms?|cnns?|rnns?|lstms?|gans?|vaes?|rag|encoders?|decoders?|"
           r"scorecards?|(?:credit|risk|propensity|churn|lead|fraud|anomaly) scores?|checkpoints?|adapters?|lora|"
           r"(?:rl|learned|control|bidding|trading) polic(?:y|ies)|polic(?:y|ies) networks?|value functions?|ensembles?)")
# Kinds of software test named beside "regression" when it means re-testing software, not a model.
_TEST_KIND = (r"(?:integration|functional|smoke|sanity|unit|system|ui|performance|load|acceptance|user acceptance|uat|"
              r"manual|automated|automation|end-to-end|e2e)")
# A model-like noun that is not a machine-learning model: "data model", "financial model", "600+ dbt
# models", "BIM model", "operating model", "foundation-model companies", an engineer's "computer
# simulation models of manufacturing facilities".
_NOT_ML_OBJECT = re.compile(
    r"\b(?:data|financial|(?:three|3)-statement|excel|spreadsheet|business|operating|bim|3d|cad|revit|dbt|physical|"
    r"mental|delivery|engagement|governance|maturity|threat|semantic|dimensional|relational|star-schema|driver|"
    r"valuation|dcf|lbo|budget|pricing|revenue|cost|cash-flow|staffing|care|service|power bi|tabular|"
    r"simulation|finite[\s-]element|fea|cfd)[\s-]+(?:\w+[\s-]+)?models?\b|"
    r"\bmodel[\s-](?:serving|hosting|registry|platform|infrastructure|gateway)\b|"
    # software testing: "regression testing", "functional and regression", "integration, regression, and UAT"
    rf"\bregression[\s-]+(?:test\w*|suites?|cycles?|packs?)\b|\b{_TEST_KIND}\W+(?:(?:and|&)\W+)?regression\b|"
    rf"(?<!linear )(?<!logistic )\bregression\W+(?:(?:and|&)\W+)?{_TEST_KIND}\b|\b\d[\d,+]*\s+models\b|\b(?:models?|agents?|llms?|ai)[\s-]+(?:companies|startups|vendors|providers|labs|cards?|documentation|"  # noqa: E501 (one regex alternative list)
    r"risk|inventory|governance)\b", re.I)
# An algorithm, framework or evaluation figure that marks a bullet as model work even without a verb:
# "merchant default model (XGBoost, AUC 0.81)", "Claims triage classifier (XGBoost). In prod."
_MARKER = re.compile(
    r"\b(?:xgboost|lightgbm|catboost|pytorch|tensorflow|keras|jax|scikit-learn|sklearn|hugging ?face|spacy|bert|"
    r"roberta|gpt-?\d|llama|mistral|resnet|yolo\w*|u-net|unet|lstm|bilstm|gru|cnn|rnn|gnn|transformer|two-tower|"
    r"random forests?|gradient[- ]boost\w*|logistic[- ]reg\w*|linear[- ]reg\w*|cox|glms?|gbms?|glmnet|sarima|arima|prophet|"
    r"k-means|svm|ppo|dqn|lora|qlora|auc|auroc|roc|f1|mae|rmse|mape|map@\d+|(?-i:MAP)|ndcg\w*|mrr|bleu|rouge|"
    r"perplexity|c-index|gini|top-[15]|wer|cross-validation|back-?test\w*|"
    r"hold-?out|out-of-(?:time|sample))\b", re.I)
_TASK = re.compile(
    r"\b(?:models?|classifiers?|classification|detection|recognition|segmentation|prediction|forecasting|forecasts?|"
    r"ranking|recommendations?|regression|clustering|fine-?tun\w*|embeddings?|ner|scoring|scorecards?|"
    r"(?:credit|risk|propensity|churn|lead|fraud|anomaly) scores?)\b", re.I)
# Every practice sentence names a model-like object or a modelling task: a cheap test first.
_ANY_OBJECT = re.compile(rf"\b{_OBJECT}\b|{_TASK.pattern}", re.I)
_PAIR = re.compile(rf"\b{_VERB}\b[^.;\n]{{0,{_NEAR}}}?\b{_OBJECT}\b|\b{_OBJECT}\b[^.;\n]{{0,{_NEAR}}}?\b{_VERB}\b", re.I)
# Sentences about other people's models, about talking about them, or denying the work.
_NOT_MINE = re.compile(
    r"\b(?:advis\w*|review(?:s|ed|ing)?|audit\w*|assess(?:es|ed|ing)?|sell\w*|sold|marketed|pitch\w*|recruit\w*|"
    r"hir(?:e|ed|es|ing)|interview\w*|invest(?:s|ed|ing)? in|investors?|documented|documenting|teach\w*|taught|report\w* on|"
    r"wr(?:ote|ite|iting) about|cover(?:s|ed|ing)|explain\w*|licens\w*|patent\w*|docket|opinions?|host(?:s|ed|ing)|"
    r"hand(?:s|ed)? us|"
    r"(?:stories|articles|pieces|episodes|newsletters?|talks|tracks|panels|sessions|keynotes?) (?:on|about)|"
    r"(?:data scien\w*|ml|machine learning|research|model(?:l?ing)?|ai|analytics) (?:team|teams|group|colleagues)|"
    r"(?:with|between|and|by|hired|placed|for|that|who|so|where) (?:the |our |\d+ )?(?:[\w-]+ ){0,2}"
    r"(?:engineers|scientists|researchers|developers)|"
    r"vendors?|third-party|(?:company|client|customer|vendor|partner|provider)'s (?:[\w-]+ ){0,2}"
    r"(?:models?|llms?|rag|pilot|ai|teams?|scientists|engineers)|"
    r"(?:clients|customers|vendors|partners|other teams)'|other (?:teams?|people|groups|departments)|"
    r"clos(?:e|es|ed|ing) (?:[\w-]+ ){0,2}deals?|prospects?|pre-?sales|claim sets?|prosecution|"
    r"budgets?|budgeting|business cases?|investment cases?|fp&a|p&l|rolling forecasts?|"
    r"(?:our|the) (?:[\w-]+ ){0,2}(?:scientists|engineers|researchers|developers)|battle cards?|collateral|"
    r"datasheets?|go-to-market|procure\w*|suppliers?|categor(?:y|ies)|"
    r"(?:do|does|did|could) not|never|n't|spreadsheets?|google sheets|excel)\b", re.I)
# A bullet or paragraph line, with the lines it wraps onto; sentences are found inside it.
_ITEM = re.compile(r"[^\n]+(?:\n(?![ \t]*(?:[-*•·–]|\d+[.)])\s|[ \t]*\n)[^\n]+)*")
_SENTENCE = re.compile(r"[^.;!?\n]+(?:\n(?![ \t]*(?:[-*•·–]|\d+[.)])\s|[ \t]*\n)[^.;!?\n]+)*")

#: Factor on AI/ML core credit by the number of practice sentences (0, 1, 2 or more).
PRACTICE_FACTORS = (0.5, 0.8, 1.0)


@dataclass(frozen=True, slots=True)
class Practice:
    """The practice sentences of a résumé: their spans, and the factor they earn."""

    spans: tuple[tuple[int, int], ...]

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def factor(self) -> float:
        return PRACTICE_FACTORS[min(self.count, len(PRACTICE_FACTORS) - 1)]

    def to_dict(self, text: str) -> dict:
        """The JSON ``practice`` object: count, factor, explanation and the sentences as evidence spans."""
        return {"sentences": self.count, "factor": self.factor, "explanation": self.why(text),
                "evidence": [{"start": a, "end": b, "text": text[a:b]} for a, b in self.spans]}

    def why(self, text: str) -> str:
        if not self.spans:
            return "no sentence describes building, training or evaluating a model"
        a, b = self.spans[0]
        example = " ".join(text[a:b].split())
        if len(example) > 80:
            example = example[:77] + "…"
        n = self.count
        return f"{n} sentence{'s' if n != 1 else ''} describe{'s' if n == 1 else ''} model work, e.g. “{example}”"


def find_practice(text: str, *, paragraphs: bool = False,
                  core: tuple[tuple[int, str, bool], ...] = ()) -> Practice:
    """Practice sentences in ``text`` (a skills section is a list, not a description, and is skipped).

    A sentence counts when a verb of making or testing meets a model-like object. A terse bullet
    ("PD model for instalment loans. GBM (LightGBM), 410 features.") counts once as a whole when it
    names a modelling task and an algorithm or evaluation figure, even across its short sentences.
    So does a project described by the AI/ML skills it names ("Sentiment Analysis — Python, NLP. Tweets
    were classed as positive, negative or neutral"): ``core`` holds the résumé's AI/ML core skill
    mentions as ``(start, skill_id, is_task)``, and an item counts when it names a modelling task
    (sentiment analysis, face recognition, object detection …) and another AI/ML core skill.
    A sentence that states an aim ("Looking for an LLM engineering role", see ``aims``) never counts.
    ``paragraphs``: every line of ``text`` is a paragraph (text read from HTML, DOCX or PDF).
    """
    section = section_at(text, "resume")
    spans: list[tuple[int, int]] = []
    for start, end in _items(text, paragraphs):
        item = text[start:end]
        if section(start) == "skills" or not (_ANY_OBJECT.search(item) or _titled_by_task(text, core, start, end)):
            continue  # no model-like word at all: most lines (contacts, education, tools) stop here
        found = []
        for m in _SENTENCE.finditer(text, start, end):
            sentence = _flat(m.group(0))
            if _PAIR.search(sentence) and not _NOT_MINE.search(sentence) and not _aim(text, m.start(), sentence, section):
                found.append(_trimmed(text, m.start(), m.end()))
        if not found:
            whole = _flat(item)
            if (_TASK.search(whole) and _MARKER.search(whole) or _titled_by_task(text, core, start, end)) \
                    and not _NOT_MINE.search(whole) and not _aim(text, start, whole, section):
                found.append(_trimmed(text, start, end))
        spans.extend(found)
    return Practice(tuple(spans))


def _items(text: str, paragraphs: bool = False):
    """Bullets and paragraphs with their wrapped lines, each cut after a short line (a title or a date
    line ends there, whether a blank line follows, as in HTML, or not, as in DOCX), or at every line
    break when lines are paragraphs."""
    cuts = [m.end() for m in re.finditer("\n", text)] if paragraphs else [b for _, b in short_line_breaks(text)]
    for item in _ITEM.finditer(text):
        start = item.start()
        for cut in cuts:
            if start < cut < item.end():
                yield start, cut - 1
                start = cut
        yield start, item.end()


# What may open a project's title before its name: bullets, "description -", "Project:", "Title:".
_TITLE_LEAD = re.compile(r"[\s\-*•·–▪⦁]*(?:(?:description|project(?: name| title)?|title)\s*[-:–]\s*)?", re.I)


def _titled_by_task(text: str, core: tuple[tuple[int, str, bool], ...], start: int, end: int) -> bool:
    """Whether ``start:end`` is a project named after an AI/ML modelling task ("Sentiment Analysis — Python,
    NLP …", "Text classification using machine learning") that names another AI/ML core skill: a
    project's name, not a sentence about other people's models ("Rated LLM responses for RLHF")."""
    inside = sorted((at, sid, task) for at, sid, task in core if start <= at < end)
    if len({sid for _, sid, _ in inside}) < 2:
        return False
    for at, _sid, task in inside:  # a line of the item that opens with the task's name
        line_start = max(start, text.rfind("\n", start, at) + 1)
        if task and _TITLE_LEAD.match(text, line_start, end).end() == at and _opens(text, start, line_start) \
                and len({sid for a, sid, _ in inside if a >= line_start}) > 1:
            return True
    return False


def _opens(text: str, start: int, line_start: int) -> bool:
    """Whether the line at ``line_start`` opens something (the item, or a line after a short or finished
    one: a title under a date line) rather than carrying on a wrapped sentence."""
    if line_start <= start:
        return True
    prev = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].rstrip()
    return len(prev) < 60 or prev.endswith((".", ":", ";", "!", "?", ")"))


def _aim(text: str, start: int, sentence: str, section) -> bool:
    return is_aim_sentence(sentence) or aim_at(text, start, section)


def _flat(raw: str) -> str:
    """One line, single spaces, non-ML "models" blanked: what the patterns read."""
    return _NOT_ML_OBJECT.sub(" ", " ".join(raw.split()))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``a:b`` without the leading bullet marks and spaces."""
    raw = text[a:b]
    return a + len(raw) - len(raw.lstrip(" \t\n-*•·–")), b
