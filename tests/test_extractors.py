"""The extractors on sentences and articles: money and other figures, claims, quotes and stance,
categories (every cue example in config/categories.yaml), relevance, the gazetteer."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from config import DATA_DIR
from config.settings import Settings, Topic
from extractors.enrich import Enricher
from extractors.figures import FigureExtractor
from extractors.speakers import Speaker
from extractors.stance import INSIDER, OUTSIDER, StanceJudge
from pipeline.extract import article_from_text

EXAMPLE = Path(__file__).parent / "data" / "alibaba-ai-push-analysis.txt"


@pytest.fixture(scope="module")
def figures():
    return FigureExtractor(DATA_DIR / "fx.yaml", DATA_DIR / "figures.yaml")


@pytest.fixture(scope="module")
def judge():
    return StanceJudge(yaml.safe_load((DATA_DIR / "quotes.yaml").read_text(encoding="utf-8"))["stance"])


@pytest.fixture(scope="module")
def enricher():
    topics = [Topic(name="alibaba-ai", entities=["alibaba", "alibaba-cloud", "qwen", "t-head"],
                    keywords=["Tongyi Qianwen", "Hanguang", "Yitian"])]
    return Enricher(Settings(topics=topics))


def enrich_text(enricher, title: str, body: str, language: str | None = None):
    """One article through the Enricher; `language` overrides the detected one ("zh" for short Chinese text)."""
    article = article_from_text(f"{title}\n{body}", "https://example.com/a", "2026-11-28T00:00:00Z")
    article.language = language or article.language
    return enricher.enrich([article])[0]


MONEY = [
    ("Alibaba commits ¥30 billion to the fund.", "¥30 billion", 30e9, "CNY"),
    # crore abbreviated; an amount written as one hyphenated word
    ("Alibaba Cloud will spend INR 13,100 Cr in India.", "INR 13,100 Cr", 131e9, "INR"),
    ("It will open a 4.8-billion-baht data centre in Bangkok.", "4.8-billion-baht", 4.8e9, "THB"),
    ("It plans to spend RMB 380 billion over three years.", "RMB 380 billion", 380e9, "CNY"),
    ("The group will invest 30 billion yuan.", "30 billion yuan", 30e9, "CNY"),
    ("A Rmb30bn programme.", "Rmb30bn", 30e9, "CNY"),
    ("Orders worth US$4.1 billion.", "US$4.1 billion", 4.1e9, "USD"),
    ("Capex of $53bn.", "$53bn", 53e9, "USD"),
    ("It raised HK$12.5 billion.", "HK$12.5 billion", 12.5e9, "HKD"),
    ("阿里巴巴将投入3800亿元建设云和AI硬件基础设施。", "3800亿元", 380e9, "CNY"),
    ("该基金规模达300亿美元。", "300亿美元", 30e9, "USD"),
    ("A 1.2 trillion yuan plan.", "1.2 trillion yuan", 1.2e12, "CNY"),
    ("In Tokyo, the yen deal was worth ¥500 billion for the Japanese lender.", "¥500 billion", 500e9, "JPY"),
    ("阿里巴巴計劃投入人民幣3,800億元。", "人民幣3,800億元", 380e9, "CNY"),          # Traditional, as HKEX files
    ("總代價約為11.2億美元。", "11.2億美元", 1.12e9, "USD"),
    ("公司将投入人民币300亿元。", "人民币300亿元", 30e9, "CNY"),
    ("It will invest R$6 billion in São Paulo.", "R$6 billion", 6e9, "BRL"),
    ("It will invest MXN 4.2 billion in Querétaro.", "MXN 4.2 billion", 4.2e9, "MXN"),
    ("公司将在泰国投入120亿泰铢。", "120亿泰铢", 12e9, "THB"),
    ("公司将在沙特投入18亿沙特里亚尔。", "18亿沙特里亚尔", 1.8e9, "SAR"),
]


def test_a_range_that_repeats_currency_and_scale_is_one_figure_with_both_ends(figures):
    [first, second] = figures.extract("Capex of $20bn-$30bn, or HK$1.5 billion to HK$2 billion.", [0])
    assert (first["text"], first["value"], first["value_max"]) == ("$20bn-$30bn", 20e9, 30e9)
    assert (second["currency"], second["value"], second["value_max"]) == ("HKD", 1.5e9, 2e9)
    [scale_repeated] = figures.extract("Capex of $12bn-14bn next year.", [0])   # the currency written once
    assert (scale_repeated["text"], scale_repeated["value"], scale_repeated["value_max"]) == ("$12bn-14bn", 12e9, 14e9)
    assert [figure["text"] for figure in figures.extract("Between $20bn and $30m of it.", [0])] == ["$20bn", "$30m"]
    [both] = figures.extract("Offers run from 3 million yuan to 5 million yuan a year.", [0])
    assert (both["text"], both["value"], both["value_max"]) == ("3 million yuan to 5 million yuan", 3e6, 5e6)
    [plain] = figures.extract("Prices run from $0.27 to $0.35 per million tokens.", [0])
    assert (plain["text"], plain["value"], plain["value_max"]) == ("$0.27 to $0.35", 0.27, 0.35)


def test_a_word_ending_in_yuan_before_digits_is_no_money(figures):
    # 思元690 is Cambricon's chip; 元 is written after an amount, never before it
    assert [figure["kind"] for figure in figures.extract("思元690的算力是思元590的3倍，售价5万元。", [0])
            if figure["kind"] == "money"] == ["money"]


def test_ranges_with_the_currency_after_or_a_percent_sign_keep_both_ends(figures):
    found = figures.extract("It plans to spend 15 billion to 20 billion yuan; margins may rise 30-40% or 6-8 percent, "
                            "from 30% in 2024 to 36%.", [0])
    assert [(figure["text"], figure["value"], figure.get("value_max")) for figure in found] == [
        ("15 billion to 20 billion yuan", 15e9, 20e9), ("30-40%", 30, 40), ("6-8 percent", 6, 8),
        ("30%", 30, None), ("36%", 36, None)]


def test_macau_patacas(figures):
    [figure] = figures.extract("Gaming revenue rose to MOP21.35 billion in March.", [0])
    assert (figure["text"], figure["currency"], figure["value"]) == ("MOP21.35 billion", "MOP", 21.35e9)


@pytest.mark.parametrize("sentence, text, value", [
    ("Alibaba says it delivers 1.5 times the inference throughput of Nvidia's H20.",
     "1.5 times the inference throughput", 1.5),
    ("总算力规模突破10EFLOPS。", "10EFLOPS", 10),
    ("性能是昇腾 910C 的 2 倍。", "2 倍", 2),
])
def test_performance_figures(figures, sentence, text, value):
    assert [(figure["text"], figure["value"]) for figure in figures.extract(sentence, [0])
            if figure["kind"] == "performance"] == [(text, value)]


def test_a_further_chinese_factor_in_a_sentence_about_performance(figures):
    found = figures.extract("推理性能是上一代的2.5倍，是含光800的8倍以上。收入是去年的2倍。", [0, 27])
    assert [(figure["text"], figure["value"]) for figure in found if figure["kind"] == "performance"] == [
        ("2.5倍", 2.5), ("8倍", 8)]


@pytest.mark.parametrize("sentence, text, value, currency", MONEY)
def test_money(figures, sentence, text, value, currency):
    [figure] = [figure for figure in figures.extract(sentence, [0]) if figure["kind"] == "money"]
    assert (figure["text"], figure["value"], figure["currency"]) == (text, value, currency)
    assert figure["sentence"] == sentence


@pytest.mark.parametrize("host, sentence, currency", [
    # a bare "$" or "Rs" means the site's own currency, by its name or its country domain
    ("www.smh.com.au", "Alibaba Cloud will spend $420 million in Sydney.", "AUD"),
    ("www.cbc.ca", "BMO signed a $200-million deal with Cohere.", "CAD"),
    ("www.afr.com", "Alibaba Cloud cut the price to $1.25 per million tokens.", "AUD"),
    ("www.inquirer.net", "Alibaba Cloud will invest ₱8.5 billion in the Philippines.", "PHP"),
    ("www.thedailystar.net", "Grameenphone will invest Tk 120 crore in the assistant.", "BDT"),
    ("www.businessdailyafrica.com", "The data centre will cost Sh129 billion.", "KES"),
    ("www.dawn.com", "Jazz will charge Rs2,999 a month.", "PKR"),
    ("www.example.com", "Alibaba Cloud will spend $420 million in Sydney.", "USD"),
    ("mainichi.jp", "The startup raised ¥20 billion in September.", "JPY"),
    # a symbol that names its country is never overridden
    ("www.smh.com.au", "Alibaba has spent US$53 billion.", "USD"),
    # dirhams and dong
    ("www.khaleejtimes.com", "The data centre costs Dh1.1 billion.", "AED"),
    ("vietnamnews.vn", "Alibaba Cloud will invest VND2.5 trillion.", "VND"),
])
def test_a_sites_own_currency(figures, host, sentence, currency):
    [figure] = [figure for figure in figures.extract(sentence, [0], host) if figure["kind"] == "money"]
    assert figure["currency"] == currency
    assert figure["value_usd"] is not None


def test_money_conversion_uses_the_configured_rate(figures):
    [figure] = figures.extract("Alibaba commits ¥30 billion.", [0])
    rate = yaml.safe_load((DATA_DIR / "fx.yaml").read_text())["usd_per_unit"]["CNY"]
    assert figure["value_usd"] == pytest.approx(30e9 * rate)
    assert 4.0e9 < figure["value_usd"] < 4.3e9


def test_ranges_and_parenthetical_conversions(figures):
    [spread] = figures.extract("It could cost $1-2 billion.", [0])
    assert (spread["value"], spread["value_max"]) == (1e9, 2e9)
    yuan, dollars = figures.extract("A plan of 380 billion yuan ($53 billion) was approved.", [0])
    assert (yuan["currency"], dollars["currency"], dollars["equivalent_of"]) == ("CNY", "USD", "380 billion yuan")
    # a target moved from one amount to another is two amounts; targets "anywhere from" one to another a range
    old, new = figures.extract("Citi raised its price target from $140.00 to $165.00.", [0])
    assert (old["value"], new["value"], old.get("value_max")) == (140.0, 165.0, None)
    [targets] = figures.extract("Analysts put targets anywhere from $150 to $215.", [0])
    assert (targets["value"], targets["value_max"]) == (150.0, 215.0)


@pytest.mark.parametrize("sentence", [
    "Qwen2.5-72B and Qwen3-235B-A22B were released in 2025.",
    "The H20, H800 and Ascend 910C chips compete.",
    "Call +86 571 8502 2088 for details; see page 12.",
    "In fiscal 2026 the 7nm process entered Top 10 lists in Q3.",
])
def test_no_money_from_years_models_chips_or_furniture(figures, sentence):
    assert [figure for figure in figures.extract(sentence, [0]) if figure["kind"] == "money"] == []


def test_percent_count_and_performance(figures):
    found = figures.extract("Cloud revenue rose 26% and margins 3 per cent; the app has 100 million monthly active users "
                            "and 40,000 GPUs; the chip reaches 400 TOPS and is 2.5 times faster than its predecessor.", [0])
    summary = [(figure["kind"], figure["value"], figure.get("unit")) for figure in found]
    assert summary == [("percent", 26, "%"), ("percent", 3, "%"), ("count", 100_000_000, "monthly active users"),
                       ("count", 40_000, "GPUs"), ("performance", 400, "TOPS"), ("performance", 2.5, "x faster")]


def test_benchmark_claim_with_comparator(enricher):
    article = enrich_text(enricher, "Qwen3 tops open models",
                          "Qwen3-235B scored 85.7 on MMLU-Pro, ahead of DeepSeek-V3 at 81.2, the team said.")
    [claim] = article.claims
    assert (claim["kind"], claim["subject"], claim["benchmark"], claim["score"]) == ("benchmark", "qwen", "MMLU-Pro", 85.7)
    assert (claim["comparator"], claim["comparator_score"]) == ("deepseek-v3", 81.2)


def test_comparison_claims(enricher):
    article = enrich_text(enricher, "Alibaba model news",
                          "Alibaba said Qwen2.5-Max performs on par with GPT-4o on most tasks.")
    [claim] = article.claims
    assert (claim["kind"], claim["subject"], claim["comparator"]) == ("comparison", "qwen", "gpt-4o")


def test_no_claim_without_a_model_and_a_score(enricher):
    article = enrich_text(enricher, "Benchmarks", "MMLU-Pro is a harder version of MMLU. Scores rose to 85.7 this year.")
    assert article.claims == []


def test_quotes_in_the_example_article(enricher):
    lines = EXAMPLE.read_text().splitlines()
    article = enrich_text(enricher, lines[0], "\n".join(lines[1:]))
    by_speaker = {quote["speaker"]: quote for quote in article.quotes}
    assert {"Michael Chen", "David Park", "Lisa Monroe", "Rajiv Mehta", "Sophie Williams"} <= set(by_speaker)
    assert (by_speaker["David Park"]["role"], by_speaker["David Park"]["org"]) == ("Portfolio Manager", "Horizon Capital")
    assert by_speaker["Lisa Monroe"]["org"] == "Global Digital Futures"
    assert "analyst" in by_speaker["Michael Chen"]["role"]
    assert by_speaker["David Park"]["stance"] == "positive"
    assert by_speaker["Rajiv Mehta"]["stance"] == "negative"
    assert article.relevant and "spend" in article.categories and "chip" in article.categories
    money = [figure for figure in article.figures if figure["kind"] == "money"]
    assert money and all(figure["value"] == 30e9 and figure["currency"] == "CNY" for figure in money)


def test_quote_attributed_after_and_by_pronoun(enricher):
    body = ('"The chip is a real step forward," said Jane Liu, an analyst at Morningstar.\n'
            '"But volumes are still small," she said.')
    article = enrich_text(enricher, "Alibaba T-Head chip", body)
    assert [(quote["speaker"], quote["org"]) for quote in article.quotes] == [("Jane Liu", "Morningstar")] * 2



def test_reported_speech_starts_at_the_reported_words(enricher):
    body = ("Eddie Wu told staff in an internal letter seen by Pandaily that half of the budget had been paid out.\n"
            "Jane Liu, an analyst at Morningstar, said last month that the budget was likely to go up.\n"
            "Ivy Leung said the rally had run ahead of earnings and that the stock could stall.")
    article = enrich_text(enricher, "Alibaba budget", body)
    assert [quote["text"] for quote in article.quotes] == [
        "half of the budget had been paid out.", "the budget was likely to go up.",
        "the rally had run ahead of earnings and that the stock could stall."]


CATEGORY_DATA = yaml.safe_load((DATA_DIR / "categories.yaml").read_text())["categories"]
EXAMPLES = [(name, sentence, True) for name, entry in CATEGORY_DATA.items() for sentence in entry.get("examples", [])]
EXAMPLES += [(name, sentence, False) for name, entry in CATEGORY_DATA.items()
             for sentence in entry.get("counter_examples", [])]


@pytest.mark.parametrize("category, sentence, expected", EXAMPLES)
def test_category_cue_examples(enricher, category, sentence, expected):
    doc = enricher.english(sentence)
    kinds = {enricher.gazetteer.kind(ent.ent_id_) for ent in doc.ents if ent.ent_id_}
    assert (category in enricher.categories.sentence_categories(sentence, kinds)) is expected


def test_a_passing_mention_is_not_relevant(enricher):
    body = ("Tencent on Tuesday cut prices for its Hunyuan models by half, intensifying a price war. "
            "The company said enterprise customers doubled this year. Rivals such as Alibaba have also cut prices. "
            "Tencent shares rose 2% in Hong Kong after the announcement, and analysts expect more cuts.")
    assert not enrich_text(enricher, "Tencent halves Hunyuan model prices", body).relevant
    assert enrich_text(enricher, "Alibaba halves Qwen model prices", body.replace("Tencent", "The firm")).relevant


def test_gazetteer_tags_model_variants_as_one_entity(enricher):
    doc = enricher.english("Qwen3-235B-A22B beat Llama on MMLU-Pro while T-Head shipped the Hanguang 800.")
    ids = {(ent.text, ent.ent_id_) for ent in doc.ents}
    assert ("Qwen3-235B-A22B", "qwen") in ids
    assert any(entity_id == "t-head" for _, entity_id in ids)


CLAIM_PATTERNS = [  # body, [(kind, subject, benchmark or comparator, score)]: each shape with its hard negative
    # "exceeds" compares, past a maker and its description; "claimed parity with" is parity
    ("Each Maia 200 delivers 10 petaflops, and its FP8 performance exceeds Google's seventh-generation Ironwood TPU.",
     [("comparison", "microsoft-maia", "google-tpu", None)]),
    ("T-Head said the Zhenwu 830 offers 3 times the performance of the Hanguang 800, and it claimed parity with "
     "Nvidia's H200 in its own tests.", [("comparison", "t-head-ppu", "hanguang-800", 3.0),
                                         ("comparison", "t-head-ppu", "nvidia-h200", None)]),
    # the maker of the article's chip opening a comparison stands for the chip; an evaluator is no model
    ("The Zhenwu 830 is T-Head's new chip. \"T-Head is still a generation behind Blackwell,\" said an analyst.",
     [("comparison", "nvidia-blackwell", "t-head-ppu", None)]),
    ("Alibaba released Qwen3.6-Max. On banking tasks compiled by the Zurich-based evaluator LatticeFlow, the model "
     "matches Claude on summarisation.", [("comparison", "qwen", "claude", None)]),
    # the model a workload is named for is the setting; "it" is the chip
    ("On the Llama 3.1 405B test, an eight-chip Zhenwu 830 server posted 21,400 tokens per second in MLPerf Inference "
     "v6.0. On the DeepSeek-R1 interactive scenario it posted 3,150 tokens/s.",
     [("benchmark", "t-head-ppu", "MLPerf Inference v6.0", 21400.0),
      ("benchmark", "t-head-ppu", "MLPerf Inference v6.0", 3150.0)]),
    # a rival's score after its name: possessive or in brackets, not the subject's
    ("Kimi K2 Thinking reached 44.9% on Humanity's Last Exam, beating GPT-5's 41.7%.",
     [("benchmark", "kimi", "Humanity's Last Exam", 44.9)]),
    ("Qwen3-Max scored 74.8% on Tau2-Bench, beating GPT-5 (71.2%).", [("benchmark", "qwen", "Tau2-Bench", 74.8)]),
    ("Qwen3-Max's score of 69.6 on SWE-bench Verified is on par with Claude Opus 4.",
     [("benchmark", "qwen", "SWE-bench Verified", 69.6)]),
    # two cues in one clause give one comparison each
    ("The Zhenwu 810E is 3 times faster than the Hanguang 800 and on par with Nvidia's H20.",
     [("comparison", "t-head-ppu", "hanguang-800", 3.0), ("comparison", "t-head-ppu", "nvidia-h20", None)]),
    ("The Zhenwu 810E is 3 times faster than the Hanguang 800 it launched in 2019.",
     [("comparison", "t-head-ppu", "hanguang-800", 3.0)]),
    # "it" before a name that is an object keeps the article's subject; "its" does not
    ("DeepSeek-V4 is a new model. DeepSeek says it was trained on H800 chips. On AIME 2025 it scored 96.1.",
     [("benchmark", "deepseek", "AIME 2025", 96.1)]),
    ("Alibaba released Qwen3-Max. Its rival Kimi K2 scored 65.8 on SWE-bench Verified.",
     [("benchmark", "kimi", "SWE-bench Verified", 65.8)]),
    # a name without a version number and without a claim does not take over "the model"
    ("Qwen3.5-Coder scored 72.4% on SWE-bench Verified. Register for TechCrunch Sessions today. "
     "The model generates code 2 times faster than Qwen3-Coder.",
     [("benchmark", "qwen", "SWE-bench Verified", 72.4), ("comparison", "qwen", "qwen", 2.0)]),
    ("Huawei shipped more Ascend chips this year. The company also unveiled the Atlas 950 SuperPoD. "
     "Huawei said the system would be 6.7 times more powerful than Nvidia's NVL144.",
     [("comparison", "Atlas 950 SuperPoD", "Nvidia's NVL144", 6.7)]),
    # a short name of a model named before ("V4" after "DeepSeek-V4"), and not without one
    ("DeepSeek-V4 is out. V4 generates 2.5 times faster than DeepSeek-V3.2.",
     [("comparison", "deepseek", "deepseek-v3", 2.5)]),
    ("V4 generates 2.5 times faster than DeepSeek-V3.2.", [("comparison", "V4", "deepseek-v3", 2.5)]),
    # a factor at the end of a clause compares with the rival named after "than" before it
    ("Ernie 5.0 is out. The model is 40% cheaper to run than Ernie 4.5 and responds 1.8 times faster.",
     [("comparison", "ernie", "ernie", 1.8)]),
    ("Ernie 5.0 is out. The model responds 1.8 times faster.", []),
    # rivals in a list: one claim each
    ("Qwen3-Coder outperforms Kimi K2 and DeepSeek-V3 on agentic coding.",
     [("comparison", "qwen", "kimi", None), ("comparison", "qwen", "deepseek-v3", None)]),
    ("Qwen3-Coder outperforms Kimi K2 on agentic coding, a field DeepSeek-V3 also targets.",
     [("comparison", "qwen", "kimi", None)]),
    ("Qwen3.5 outperforms both Llama 4 Maverick and Mistral Large 3 on every benchmark Alibaba published.",
     [("comparison", "qwen", "llama", None), ("comparison", "qwen", "mistral", None)]),
    # another version of the same family is a rival, the same model named again is not
    ("Qwen3.5 runs 1.8x faster than Qwen3 on the same hardware.", [("comparison", "qwen", "qwen", 1.8)]),
    # parity and superiority in other words; a factor of tokens per second; a lead in downloads is no claim
    ("The Zhenwu 810E is competitive with Nvidia's H20 and processes 2.4 times more tokens per second than the A100.",
     [("comparison", "t-head-ppu", "nvidia-h20", None), ("comparison", "t-head-ppu", "nvidia-a100", 2.4)]),
    ("Alibaba claims Qwen3.5 is superior to DeepSeek-V3.2 in reasoning.", [("comparison", "qwen", "deepseek-v3", None)]),
    # a factor of a measure named before it; a power draw is no performance; a percent gives no factor
    ("The PPU's INT8 performance of 1,200 TOPS is double that of the Hanguang 800.",
     [("comparison", "t-head-ppu", "hanguang-800", 2.0)]),
    ("The Zhenwu 810E cluster draws roughly five times that of the H20 system.", []),
    ("Measured per watt, the Zhenwu 810E is 40% more efficient than the Ascend 910C.",
     [("comparison", "t-head-ppu", "huawei-ascend-910c", None)]),
    ("Qwen2.5-72B remains the most fine-tuned base model, ahead of Llama-3.1-8B.", []),
    # "That is ..." is the last subject's figure; a factor right before its rival, or around "the rival's throughput"
    ("T-Head rates the Zhenwu 920 at 1,250 TFLOPS. That is about 8.4 times the FP8 figure of Nvidia's H20. It is also "
     "roughly 1.6x Huawei's Ascend 910C. That works out to 2.3 times the H20 system's throughput.",
     [("comparison", "t-head-ppu", "nvidia-h20", 8.4), ("comparison", "t-head-ppu", "huawei-ascend-910c", 1.6),
      ("comparison", "t-head-ppu", "nvidia-h20", 2.3)]),
    # throughputs measured outside a benchmark compare the chips named after the cue
    ("A single Zhenwu 920 generated 3,150 tokens per second, well ahead of the 1,380 tokens per second we measured on an "
     "H20 and the 2,200 tokens per second from an Ascend 910C card.",
     [("comparison", "t-head-ppu", "nvidia-h20", None), ("comparison", "t-head-ppu", "huawei-ascend-910c", None)]),
    # a model's code name after its full name; prices in line are no parity claim
    ("Meta released Llama 4 Maverick. Maverick delivers 1.6 times the throughput of Qwen3.5.",
     [("comparison", "llama", "qwen", 1.6)]),
    ("Qwen3.5 lists at $0.40 per million input tokens, roughly in line with Llama 4 Maverick at $0.38.", []),
    ("Analysts said Doubao still has roughly twice Qwen's daily users.", []),   # users, not performance
    ("Huawei's Ascend 910C offers 780 TFLOPS, 5.3 times the H20's and roughly 2.4x the PPU's 320 TFLOPS.",
     [("comparison", "huawei-ascend-910c", "nvidia-h20", 5.3), ("comparison", "huawei-ascend-910c", "t-head-ppu", 2.4)]),
    # rivals given as examples; "3x higher X than"
    ("Qwen3.7-Max outperforms leading proprietary models including GPT-5.1 and Claude Opus 4.5 on coding.",
     [("comparison", "qwen", "gpt-5", None), ("comparison", "qwen", "claude", None)]),
    ("The new PPU delivers up to 3x higher inference throughput than the Hanguang 800.",
     [("comparison", "t-head-ppu", "hanguang-800", 3.0)]),
    # a chip a server holds is not the subject (Chinese), the Ascend 910C ends its sentence
    ("T-Head lists the PPU, Nvidia's H20 and Huawei's Ascend 910C. T-Head says the PPU delivers 3.4 times the "
     "inference throughput of the Hanguang 800.", [("comparison", "t-head-ppu", "hanguang-800", 3.4)]),
    # a version of a known chip the gazetteer does not list
    ("Huawei began making the Ascend 950DX. The 950DX delivers 2.6 times the throughput of Nvidia's H20.",
     [("comparison", "huawei-ascend", "nvidia-h20", 2.6)]),
    ("GLM-4.6 tops SWE-bench Verified with 68.0, beating DeepSeek-V3.2 and Claude Sonnet 4.",
     [("benchmark", "glm", "SWE-bench Verified", 68.0)] * 2),
    # the version words after a known name are part of it, not a score
    ("Claude Opus 4.6 scored 80.9% on SWE-bench Verified, ahead of Gemini 3.1 Pro at 76.2%.",
     [("benchmark", "claude", "SWE-bench Verified", 80.9)]),
    ("GPT-5 scored 41.7, well ahead of Claude at 38.2, on Humanity's Last Exam.",
     [("benchmark", "gpt-5", "Humanity's Last Exam", 41.7)]),
    # a margin or a metric name is not a score; thousands separators are one number
    ("Qwen3.5 scored 76.4 on SWE-bench Verified, 2.1 points ahead of GPT-5.",
     [("benchmark", "qwen", "SWE-bench Verified", 76.4)]),
    ("DeepSeek-R1 scores 79.8% Pass@1 on AIME 2024.", [("benchmark", "deepseek-r1", "AIME 2024", 79.8)]),
    ("Qwen3.5 reached an Elo score of 1,452 on LMArena, ahead of GPT-5 at 1,440.",
     [("benchmark", "qwen", "LMArena", 1452.0)]),
    # a list item "benchmark: score" under a model; not without one
    ("Alibaba released Qwen3.5-Plus on Monday. Its scores include:\nAIME 2025: 92.3\n- MMLU-Pro: 88.4%",
     [("benchmark", "qwen", "AIME 2025", 92.3), ("benchmark", "qwen", "MMLU-Pro", 88.4)]),
    ("The table lists MMLU-Pro: 88.4 for an unnamed system.", []),
    # spelled-out factors
    ("Huawei launched the Ascend 950PR. The new chip is twice as fast as the Ascend 910B.",
     [("comparison", "huawei-ascend", "huawei-ascend-910b", 2.0)]),
    ("Huawei launched the Ascend 950PR. Orders doubled twice this year.", []),
    # benchmarks added to the gazetteer
    ("Ernie 5.0 scored 91.3 on C-Eval, against 88.6 for GPT-5, and 79.4% on the OCRBench document test.",
     [("benchmark", "ernie", "C-Eval", 91.3), ("benchmark", "ernie", "OCRBench", 79.4)]),
]


@pytest.mark.parametrize("body, expected", CLAIM_PATTERNS)
def test_claim_patterns(enricher, body, expected):
    claims = enrich_text(enricher, "Models", body).claims
    assert [(claim["kind"], claim["subject"], claim["benchmark"] or claim["comparator"], claim["score"])
            for claim in claims] == expected


def test_chinese_scores_after_chinese_characters(enricher):
    body = ("据阿里巴巴公布的数据,Qwen3-Max在SWE-bench Verified上得分69.6,与Claude Opus 4相当;"
            "在AIME25上得分81.6,高于DeepSeek-V3.1的66.3。阿里巴巴股价上涨5.1%。")
    claims = enrich_text(enricher, "千问", body, "zh").claims
    assert [(claim["kind"], claim["subject"], claim["benchmark"], claim["score"]) for claim in claims] == [
        ("benchmark", "qwen", "SWE-bench Verified", 69.6), ("benchmark", "qwen", "AIME25", 81.6)]


def test_chinese_comparisons_keep_the_chip_as_subject_and_a_rival_written_as_words(enricher):
    body = "真武PPU 2.0配备128GB高带宽内存，在千问大模型推理任务中的表现与英伟达H20相当。该芯片推理性能是上一代的2.5倍。"
    article = enricher.enrich([article_from_text(f"平头哥发布芯片\n{body}", "https://example.com/zh", "2026-11-28T00:00:00Z")])[0]
    assert [(claim["subject"], claim["comparator"], claim["score"]) for claim in article.claims] == [
        ("t-head-ppu", "nvidia-h20", None), ("t-head-ppu", "上一代", 2.5)]


def test_a_counted_number_is_no_score_and_a_team_is_no_model(enricher):
    body = ("In results published by the Qwen team, Qwen3-235B scored 85.7 on MMLU-Pro, a test across 14 academic "
            "subjects, ahead of DeepSeek-V3 at 81.2 and Meta's Llama 4 Maverick at 80.5.")
    article = enrich_text(enricher, "Qwen3 benchmark", body)
    assert [(claim["subject"], claim["score"], claim["comparator"], claim["comparator_score"]) for claim in article.claims] \
        == [("qwen", 85.7, "deepseek-v3", 81.2), ("qwen", 85.7, "llama", 80.5)]


def test_a_rival_score_for_an_unnamed_predecessor_is_the_comparators(enricher):
    body = "The Qwen3-Max model scored 88.1 on MMLU-Redux, compared with 86.4 for its predecessor."
    article = enrich_text(enricher, "Qwen3 benchmark", body)
    assert [(claim["score"], claim["comparator"], claim["comparator_score"]) for claim in article.claims] \
        == [(88.1, "its predecessor", 86.4)]


def test_quotes_say_whether_they_are_the_speakers_words(enricher):
    body = ('"The chip is a real step forward," said Jane Liu, an analyst at Morningstar.\n'
            "Eddie Wu said the company would keep investing in AI \"with discipline\" next year.")
    article = enrich_text(enricher, "Alibaba T-Head chip", body)
    assert [(quote["speaker"], quote["direct"]) for quote in article.quotes] == [("Jane Liu", True), ("Eddie Wu", False)]


def test_a_score_posted_is_no_speech(enricher):
    body = ("Maritaca AI's Sabiá-4, a model trained in Brazil, posted 77.0 on the same Portuguese MMLU.\n"
            "Jane Liu, an analyst at Morningstar, posted on LinkedIn that the model was a real step forward.")
    article = enrich_text(enricher, "Qwen in Brazil", body)
    assert [quote["speaker"] for quote in article.quotes] == ["Jane Liu"]


def test_a_quote_cut_by_its_attribution_reads_as_sentences(enricher):
    body = '"The buyback has been the floor under this stock," said Arjun Patel, a portfolio manager. "Seeing it kept intact matters."'
    [quote] = enrich_text(enricher, "Alibaba buyback", body).quotes
    assert quote["text"] == "The buyback has been the floor under this stock. Seeing it kept intact matters."


QUOTE_TEXTS = [  # body, [(speaker, text)]: what was said, without the words of its frame
    ('"GPU supply remains a constraint," President Martin Lau told analysts on a call.',
     [("Martin Lau", "GPU supply remains a constraint,")]),
    ('"We have assumed no China revenue," chief financial officer Colette Kress said on a call with analysts.',
     [("Colette Kress", "We have assumed no China revenue,")]),
    ('"Investors have priced in the good news," according to Marcus Lee, a portfolio manager at Matthews Asia. '
     '"That asymmetry worries me."',
     [("Marcus Lee", "Investors have priced in the good news. That asymmetry worries me.")]),
    # a quotation that ends the writer's sentence is not the words of the next speaker
    ('Officials praised the app as an example of "AI plus consumption." According to Zhang Ruoxi, a lawyer at JunHe, '
     'the review\'s end "removed the last constraint" on Alibaba.',
     [("Zhang Ruoxi", 'the review\'s end "removed the last constraint" on Alibaba.')]),
]


@pytest.mark.parametrize("body, expected", QUOTE_TEXTS)
def test_a_quote_holds_what_was_said_not_its_frame(enricher, body, expected):
    article = enrich_text(enricher, "Alibaba news", body)
    assert [(quote["speaker"], quote["text"]) for quote in article.quotes] == expected


@pytest.mark.parametrize("body, expected", [
    ("阿里巴巴集团首席执行官吴泳铭说：“3800亿元的计划是偏保守的。”", "3800亿元的计划是偏保守的。"),
    # the verb that opens the quotation, past an earlier one ("在回应…时表示")
    ("工业和信息化部在回应相关问题时表示：“将继续支持开源大模型规范发展。”", "将继续支持开源大模型规范发展。"),
    ("阿里巴巴相关负责人回应称：“我们接受监管部门的指导意见。”", "我们接受监管部门的指导意见。"),
])
def test_a_chinese_quote_starts_at_the_words(enricher, body, expected):
    [quote] = enrich_text(enricher, "阿里巴巴新闻", body, "zh").quotes
    assert quote["text"] == expected


def test_a_quote_does_not_start_with_the_comma_after_its_verb(enricher):
    [quote] = enrich_text(enricher, "Nvidia", 'An Nvidia spokesperson said, "We comply with export rules."').quotes
    assert quote["text"] == '"We comply with export rules."'


BENCHMARK_CLAIMS = [  # language, body, [(subject, benchmark, score, comparator, comparator_score)]
    # each rival's score is the one right after its name
    ("en", "Tencent's Hunyuan-T1 scored 87.2 on MMLU-Pro compared to DeepSeek-R1's 84.0 and GPT-4.5's 86.1.",
     [("hunyuan", "MMLU-Pro", 87.2, "deepseek-r1", 84.0), ("hunyuan", "MMLU-Pro", 87.2, "gpt-4", 86.1)]),
    # the score before its subject
    ("en", "With a score of 89.2 on C-Eval, Qwen3-Max leads the Chinese-language rankings.",
     [("qwen", "C-Eval", 89.2, None, None)]),
    # a benchmark's version as written
    ("en", "Qwen3-Max scored 72.3 on Arena-Hard v2 and 81.5 on HMMT '25.",
     [("qwen", "Arena-Hard v2", 72.3, None, None), ("qwen", "HMMT '25", 81.5, None, None)]),
    # "8卡" counts cards, so the chip after it is the subject; 则为 gives the rival's score
    ("zh", "在MLPerf Inference v6.1中，8卡真武PPU系统的成绩为每秒21400个Token，英伟达H200八卡系统则为每秒24800个Token。",
     [("t-head-ppu", "MLPerf Inference v6.1", 21400.0, "nvidia-h200", 24800.0)]),
    # a size is no model: "the 8bn-parameter version" is the model named before
    ("en", "Alibaba released Qwen3-Max in 4bn and 8bn sizes. The 8bn-parameter version is the interesting one. "
           "It scored 71.5 on Arena-Hard v2.",
     [("qwen", "Arena-Hard v2", 71.5, None, None)]),
    # a scoreline after both names gives the subject's score first; a margin "shy of" a rival is no score
    ("en", "On Aider Polyglot, Qwen3-Max trails OpenAI's GPT-5.2 at 74.1 against 77.9, the report shows.",
     [("qwen", "Aider Polyglot", 74.1, "gpt-5", 77.9)]),
    ("en", "On HLE, Qwen3-Max reached 31.6, 2.2 points shy of Gemini 3 Pro.",
     [("qwen", "HLE", 31.6, "gemini", None)]),
    # "by about 6 points", "by more than 6 points": a margin, whatever the adverb
    ("en", "On GPQA Diamond Qwen3-Max trailed OpenAI's GPT-5 by about 6 points at 71.3.",
     [("qwen", "GPQA Diamond", 71.3, "gpt-5", None)]),
    # a short version after a space is part of an unknown rival's name, not a score; a licence's version is none
    ("en", "Qwen3-Max scored 78.4 on KMMLU, ahead of LG AI Research's EXAONE 4.0 at 75.1.",
     [("qwen", "KMMLU", 78.4, "EXAONE 4.0", 75.1)]),
    ("en", "Qwen3-Max, released under Apache 2.0, scored 71.5 on Arena-Hard v2.",
     [("qwen", "Arena-Hard v2", 71.5, None, None)]),
    # an unlisted test opening the clause, described before the score it gets
    ("en", "Alibaba released Qwen3-Max. On the Ko-Culture Bench, which tests Korean culture and language, the "
           "model posted 81.2 percent.",
     [("qwen", "Ko-Culture Bench", 81.2, None, None)]),
    # a rival that "remains the leader" does not take "the model" away from the article's own
    ("en", "Alibaba released Qwen3-Max. Google's Gemini 3 Pro remains the leader on GPQA Diamond. On MMLU-Pro the "
           "model scored 84.1.", [("qwen", "MMLU-Pro", 84.1, None, None)]),
    # a model number after a capitalised name is part of it ("EPYC 9965"), not a score
    ("en", "A dual-socket Yitian 710 server scored 1,240 on SPECrate 2017_int_base, against 1,105 for a comparable "
           "system built on AMD's EPYC 9965.", [("yitian-710", "SPECrate 2017_int_base", 1240.0, "EPYC 9965", 1105.0)]),
    # a subset after a benchmark's name is part of it
    ("en", "On Tau2-bench Retail Qwen3-Max scored 81.0, matching GPT-5.1.", [("qwen", "Tau2-bench Retail", 81.0, "gpt-5", None)]),
    # a new version of a known model after a space; a share of a test's questions; a language before a known test
    ("en", "Alibaba said Wan 3.0 reached 86.4% on VBench.", [("wan", "VBench", 86.4, None, None)]),
    ("en", "Qwen3-Max answered 86.2% of FinanceBench questions correctly, compared with 81.7% for GPT-5.",
     [("qwen", "FinanceBench", 86.2, "gpt-5", 81.7)]),
    ("zh", "千问3.5在粤语评测集Cantonese-MMLU上取得78.3分，超过GPT-5的74.5分。",
     [("qwen", "Cantonese-MMLU", 78.3, "gpt-5", 74.5)]),
    # the model a score is given for; a later score for something else is not its
    ("en", "On HLE, the company reported a score of 31.7 per cent for Qwen3-Max, up from 25.3 per cent for the "
           "version it released in April.", [("qwen", "HLE", 31.7, None, None)]),
    ("en", "On the Korean subset of MMLU-ProX, the gap is narrower: 69.3 for Qwen3-Max versus 68.8 for Exaone.",
     [("qwen", "MMLU-ProX", 69.3, None, None)]),
    # an unlisted leaderboard described before its subject; the maker's list after a rival's sentence is its model's
    ("en", "Alibaba released Qwen3-Max. On the BALSAM Arabic leaderboard it scored 68.9. Falcon-H2, built by the "
           "Technology Innovation Institute, trails at 66.4 on the same leaderboard. Alibaba's other results came in "
           "a list: 81.3% on MMMLU; 58.7 on SimpleQA.",
     [("qwen", "BALSAM", 68.9, None, None), ("Falcon-H2", "BALSAM", 66.4, None, None),
      ("qwen", "MMMLU", 81.3, None, None), ("qwen", "SimpleQA", 58.7, None, None)]),
    # a language before a known test, and a "++" after one, are part of its name
    ("en", "Qwen3-Max scored 8.62 on Japanese MT-Bench.", [("qwen", "Japanese MT-Bench", 8.62, None, None)]),
    ("en", "Qwen3-Max scored 79.4 on the WMT24++ translation benchmark.", [("qwen", "WMT24++", 79.4, None, None)]),
    # a list of scores each followed by its model in parentheses
    ("en", "Google also shared results for HLE without tools: 31.8 (Gemini 3 Pro); 26.5 (Claude Sonnet 4.5); 24.1 "
           "(GPT-5 mini).", [("gemini", "HLE", 31.8, None, None), ("claude", "HLE", 26.5, None, None),
                             ("gpt-5", "HLE", 24.1, None, None)]),
    # a capitalised name and one digit is an unknown rival ("Jais 2"), not a score; "10^26" is no score
    ("en", "Qwen3-Max scored 78.4 on ArabicMMLU, ahead of Jais 2 at 74.1.", [("qwen", "ArabicMMLU", 78.4, "Jais 2", 74.1)]),
    ("en", "Qwen3-Max scored 88.1 on GPQA Diamond, near the control threshold of 10^26 operations.",
     [("qwen", "GPQA Diamond", 88.1, None, None)]),
    # at parity the one score is the subject's too, even when it stands after the rival
    ("en", "Alibaba said Qwen3-Max matches Kimi K2 on MMMU at 78.5.", [("qwen", "MMMU", 78.5, "kimi", None)]),
    # a speed on a hardware benchmark's workload (DLRM) is the MLPerf result, as "41,300 tokens per second" is
    ("en", "In MLPerf Inference v6.1, an eight-chip PPU server delivered 41,200 samples per second on the DLRM-v2 "
           "test, behind an eight-way H200 system at 55,000.",
     [("t-head-ppu", "MLPerf Inference v6.1", 41200.0, "nvidia-h200", 55000.0)]),
    # "the latest version of the PPU" is the PPU, not the chip named before
    ("en", "The Yitian 710 handles general computing. The latest version of the PPU scored 3,100 on MLPerf.",
     [("t-head-ppu", "MLPerf", 3100.0, None, None)]),
    ("en", "Qwen3.5 leads DeepSeek-V3.2 by 3.1 points on GPQA Diamond, at 84.5.",
     [("qwen", "GPQA Diamond", 84.5, "deepseek-v3", None)]),
    # a rival's score before its name; a clause with only a rival's score compares it with the score before
    ("en", "Qwen3-Max scored 78.4% on SWE-bench Verified, ahead of the 74.9% posted by OpenAI's GPT-5 but behind "
           "Anthropic's Claude Opus 4.5 at 80.9%.",
     [("qwen", "SWE-bench Verified", 78.4, "gpt-5", 74.9), ("qwen", "SWE-bench Verified", 78.4, "claude", 80.9)]),
    # benchmarks the gazetteer does not list, told by where they stand
    ("en", "Qwen3-Max achieved 84.7 on SEA-HELM, outperforming GPT-5 mini's 79.9. It also scored 81.3% on ThaiExam, "
           "a test built from Thai entrance examinations.",
     [("qwen", "SEA-HELM", 84.7, "gpt-5", 79.9), ("qwen", "ThaiExam", 81.3, None, None)]),
    # "the 32B model" is the model named before; a short name is the model it shortens
    ("en", "Qwen3.6-32B scores 74.5 on LiveCodeBench v6. On Arena-Hard v2, the 32B model's 61.4 beats OpenAI's "
           "GPT-4.1 at 52.6.",
     [("qwen", "LiveCodeBench v6", 74.5, None, None), ("qwen", "Arena-Hard v2", 61.4, "gpt-4.1", 52.6)]),
    # the benchmark a score is on, else the one it follows
    ("en", "Zhipu says GLM-5 tops the C-Eval leaderboard with a score of 91.7 and scores 89.3 on CMMLU.",
     [("glm", "C-Eval", 91.7, None, None), ("glm", "CMMLU", 89.3, None, None)]),
    # an MLPerf throughput, and the rival's score in a 'while' clause is the comparator's
    ("en", "In MLPerf Inference v6.0, a Zhenwu 2 system produced 41,300 tokens per second on the Llama 3.1 70B "
           "server test, while a comparable system using Nvidia's H20 managed 33,600 tokens per second.",
     [("t-head-ppu", "MLPerf Inference v6.0", 41300.0, "nvidia-h20", 33600.0)]),
    # scores given in the order of their benchmarks
    ("zh", "该模型在C-Eval和CMMLU上的准确率分别为93.8%和92.5%。",
     [("qwen", "C-Eval", 93.8, None, None), ("qwen", "CMMLU", 92.5, None, None)]),
    # a rival after 略低于 stays with the score; GPT-5.2 is one name in Chinese text; 个百分点 is a margin
    ("zh", "Qwen3-Max在GPQA Diamond中得分87.2，略低于GPT-5.2的88.4；在LiveCodeBench中得分85.3，领先DeepSeek-V4约4个百分点。",
     [("qwen", "GPQA Diamond", 87.2, "gpt-5", 88.4), ("qwen", "LiveCodeBench", 85.3, "deepseek", None)]),
    # a model's full name wins over its maker's inside it; its short name later is the model; 5分差距 is a margin
    ("zh", "MiniMax发布MiniMax-M3。M3在AIME 2025上得分92.8；在MMMU上得分76.8，与Gemini 3 Pro相比仍有约5分差距。",
     [("minimax-models", "AIME 2025", 92.8, None, None), ("minimax-models", "MMMU", 76.8, "gemini", None)]),
    # a score right after its benchmark; scores given "for the model" after them
    ("en", "Qwen3-Max reaches 94.3 on AIME 2025, and on MMLU-Pro 85.6.",
     [("qwen", "AIME 2025", 94.3, None, None), ("qwen", "MMLU-Pro", 85.6, None, None)]),
    ("en", "Alibaba released Qwen3-Max. Alibaba claims a score of 68.9 on BFCL v4 for the model.",
     [("qwen", "BFCL v4", 68.9, None, None)]),
    # a scoreline is no margin; a former score and a relative difference are no scores
    ("en", "In HumanEval, Qwen3.6-Coder outscored Claude Sonnet 4.5 by 93.9 to 92.1.",
     [("qwen", "HumanEval", 93.9, "claude", 92.1)]),
    ("en", "Qwen3.6-Max's MMLU-Pro score rose to 88.0 from 85.3.", [("qwen", "MMLU-Pro", 88.0, None, None)]),
    ("en", "Alibaba says Qwen3.6-Max is 40% cheaper than GPT-5.2 on MMLU-Pro workloads.", []),
    # Chinese rival scores in fullwidth brackets, and a rival's score given after a comma
    ("zh", "Qwen3.6-Max在C-Eval上取得93.1分的成绩，超越GPT-5.2（90.4分）。", [("qwen", "C-Eval", 93.1, "gpt-5", 90.4)]),
    ("zh", "Qwen3.6-Max的MMLU-Pro得分为88.0，GPT-5.2为86.9。", [("qwen", "MMLU-Pro", 88.0, "gpt-5", 86.9)]),
    # in Chinese every character is a word character: "95.1分的成绩在AIME" is no name, "v2上得分" no version run
    ("zh", "Qwen3-Max以95.1分的成绩在AIME 2025中排名第一，超过Gemini 3 Pro（94.0分）。",
     [("qwen", "AIME 2025", 95.1, "gemini", 94.0)]),
    ("zh", "Qwen3-Max在LiveCodeBench v6和HumanEval上分别取得83.4分和95.2分。",
     [("qwen", "LiveCodeBench v6", 83.4, None, None), ("qwen", "HumanEval", 95.2, None, None)]),
    ("zh", "Qwen3-Max在Arena-Hard v2上得分72.3，相比上一代提升11分。", [("qwen", "Arena-Hard v2", 72.3, None, None)]),
    # a chart read out: each name, then its score; rivals after "trails both"
    ("en", "Moonshot released Kimi K3. Moonshot's chart reads K3 41.7 vs. GPT-5.2 38.9 on Humanity's Last Exam.",
     [("kimi", "Humanity's Last Exam", 41.7, "gpt-5", 38.9)]),
    ("en", "Moonshot released Kimi K3. K3's 74.0 on SWE-bench Verified trails both Claude Opus 4.5 and GPT-5.2.",
     [("kimi", "SWE-bench Verified", 74.0, "claude", None), ("kimi", "SWE-bench Verified", 74.0, "gpt-5", None)]),
    # a Chinese name's Latin version stands for it later; the benchmarks set before "分别" pair in order;
    # a version with a hyphen tail ("千问3.6-Max") is one name, its score after 的 the rival's
    ("zh", "科大讯飞发布讯飞星火X2。在C-Eval和CMMLU上，星火X2的得分分别为92.1和91.4。",
     [("iflytek-spark", "C-Eval", 92.1, None, None), ("iflytek-spark", "CMMLU", 91.4, None, None)]),
    ("zh", "在SuperCLUE榜单中，Qwen3-Max以78.6分位列第二，领先千问3.6-Max的77.9分。",
     [("qwen", "SuperCLUE", 78.6, "qwen", 77.9)]),
    # a results line: each name, then its score; a tie is parity
    ("en", "GPQA Diamond: Qwen3.7-Max 86.9, Gemini 3 Pro 88.4, GPT-5.2 87.0.",
     [("qwen", "GPQA Diamond", 86.9, "gemini", 88.4), ("qwen", "GPQA Diamond", 86.9, "gpt-5", 87.0)]),
    ("en", "Qwen3.7-Max ties GPT-5.2 on MMLU-Pro at 87.0.", [("qwen", "MMLU-Pro", 87.0, "gpt-5", None)]),
    # the subject named again in full is not its own rival
    ("en", "The company did not print Claude's results, so I looked them up: Anthropic lists Claude Opus 4.5 at 80.9 "
           "on SWE-bench Verified.", [("claude", "SWE-bench Verified", 80.9, None, None)]),
    # rivals' scores after a comma, one after another; a rival after 仅次于 without a score
    ("zh", "Qwen3-Max在AIME 2026中拿下95.1分，Gemini 3 Pro为93.8分，DeepSeek-V4为92.0分。",
     [("qwen", "AIME 2026", 95.1, "gemini", 93.8), ("qwen", "AIME 2026", 95.1, "deepseek", 92.0)]),
    ("zh", "Qwen3-Max的GPQA Diamond得分为86.9，仅次于Gemini 3 Pro。", [("qwen", "GPQA Diamond", 86.9, "gemini", None)]),
    # a model variant no alias lists, inside Chinese text
    ("zh", "阿里巴巴表示，Qwen3.5在GPQA Diamond上得分84.5。", [("qwen", "GPQA Diamond", 84.5, None, None)]),
    # a rival's score after 的; parity in Chinese after a score; a clause takes the benchmark set before it
    ("zh", "在AIME25测试中，该模型得分92.3，超过DeepSeek-V3.1的88.4。", [("qwen", "AIME25", 92.3, "deepseek-v3", 88.4)]),
    ("zh", "Qwen3-Max在LiveCodeBench上取得74.8分，与GPT-5相当。", [("qwen", "LiveCodeBench", 74.8, "gpt-5", None)]),
    ("zh", "在MMLU-Pro基准测试中，Qwen3-Max得分为86.9，高于GPT-5.1的85.4；在SWE-bench Verified上，Qwen3-Max得分74.2%。",
     [("qwen", "MMLU-Pro", 86.9, "gpt-5", 85.4), ("qwen", "SWE-bench Verified", 74.2, None, None)]),
    # a rival's score in a relative clause, or after the rival described again
    ("en", "Qwen3-VL's 85.3 on MathVista puts it ahead of Gemini 2.5 Pro, which scored 82.7.",
     [("qwen", "MathVista", 85.3, "gemini", 82.7)]),
    ("en", "Alibaba released Qwen3.5. On LiveCodeBench, the model trails Claude Opus 4.5, scoring 74.2 against the Anthropic model's 77.9.",
     [("qwen", "LiveCodeBench", 74.2, "claude", 77.9)]),
    # a rival opening the sentence; each of its scores goes with the subject's nearest one
    ("en", "Alibaba released Qwen3.5. Against DeepSeek-V3.2, it led on MMLU-Pro (86.1 vs 85.0) and GPQA Diamond (80.2 vs 79.9).",
     [("qwen", "MMLU-Pro", 86.1, "deepseek-v3", 85.0), ("qwen", "GPQA Diamond", 80.2, "deepseek-v3", 79.9)]),
    ("zh", "与GPT-5相比，千问3.5在SWE-bench Verified上的得分高出2.3分，达到77.5。",
     [("qwen", "SWE-bench Verified", 77.5, "gpt-5", None)]),
    # a margin over a rival named between the cue and the number is no score
    ("zh", "Qwen3.5-Max在GPQA Diamond测试中得分为81.4，领先GPT-5约1.2分。", [("qwen", "GPQA Diamond", 81.4, "gpt-5", None)]),
    # a rival ahead 'at' its score; 'the 65.8 of Kimi K2'; the subject's own former score is no claim
    ("en", "Qwen3.5-Max notched 61.2% on Terminal-Bench 2.0, though Claude Opus 4.5 remains ahead at 63.1%.",
     [("qwen", "Terminal-Bench 2.0", 61.2, "claude", 63.1)]),
    ("en", "Qwen3.5-Max gets 70.2 on SWE-bench Verified, well above the 65.8 of Kimi K2.",
     [("qwen", "SWE-bench Verified", 70.2, "kimi", 65.8)]),
    ("en", "Qwen3.5-Max improved its Arena-Hard v2 score to 88.2 from 79.5.", [("qwen", "Arena-Hard v2", 88.2, None, None)]),
    ("zh", "千问3.5-Max在Arena-Hard v2上的得分从79.5提升至88.2。", [("qwen", "Arena-Hard v2", 88.2, None, None)]),
    ("zh", "千问3.5-Max在Arena-Hard v2上的得分从上一代的79.5提升至88.2。",
     [("qwen", "Arena-Hard v2", 88.2, "上一代", 79.5)]),
    # a rival after 比 stays with the score
    ("zh", "Qwen3.5-Max在C-Eval上以93.5分排名第一，比第二名豆包高出1.1分。", [("qwen", "C-Eval", 93.5, "doubao", None)]),
    # a gain over a named predecessor stays with the score; 相差不到1分 is a margin
    ("zh", "千问3.6在SWE-bench Verified上的成绩达到76.5%，较上一代千问3.5提升4.2个百分点。",
     [("qwen", "SWE-bench Verified", 76.5, "qwen", None)]),
    ("zh", "千问3.6与Claude Opus 4.5在SWE-bench Verified上的得分相差不到1分。", []),
    # scores of models named in order: two give a claim and its rival, more one claim each; "tiers 1–3" is no score
    ("en", "QwQ-3 and GPT-5.1 solved 24% and 32% of FrontierMath tiers 1–3, respectively.",
     [("qwen", "FrontierMath", 24.0, "gpt-5", 32.0)]),
    ("zh", "LiveCodeBench v6上，GPT-5.1、Qwen3.8-Max和Gemini 3 Pro的得分依次为80.2、79.6和77.5。",
     [("gpt-5", "LiveCodeBench v6", 80.2, None, None), ("qwen", "LiveCodeBench v6", 79.6, None, None),
      ("gemini", "LiveCodeBench v6", 77.5, None, None)]),
    # an unnamed predecessor's score labelled in brackets; a rival's version words after a Chinese name
    ("en", "Alibaba released QwQ-3. It scored 78.4 on LiveCodeBench v6 (its predecessor: 70.1).",
     [("qwen", "LiveCodeBench v6", 78.4, "its predecessor", 70.1)]),
    ("zh", "千问3.6-Plus在LiveCodeBench v6上得分为74.1，领先豆包1.8 Pro的70.3。",
     [("qwen", "LiveCodeBench v6", 74.1, "doubao", 70.3)]),
    # "That is …" measures the claim before against rivals; a two-word benchmark name after "its"
    ("en", "Artificial Analysis put QwQ-3 at 71 on its Intelligence Index. That is two points shy of GPT-5.1 and three "
           "clear of DeepSeek-V3.2.", [("qwen", "Intelligence Index", 71.0, "gpt-5", None),
                                       ("qwen", "Intelligence Index", 71.0, "deepseek-v3", None)]),
    ("en", "Alibaba released QwQ-3. It scored 84.1 on GPQA Diamond. That puts it behind GPT-5, which scored 88.4 on "
           "the same test.", [("qwen", "GPQA Diamond", 84.1, "gpt-5", 88.4)]),
    ("en", "Qwen3.5 scored 85 on Monday Morning tests.", []),
    # a rival's figure as someone listed it; Chinese written with spaces around Latin text and digits
    ("en", "Alibaba released Qwen4-Max. The model posted 86.1% on GPQA Diamond, but behind Google's Gemini 3 Pro, which Alibaba listed at 91.9%.",
     [("qwen", "GPQA Diamond", 86.1, "gemini", 91.9)]),
    ("zh", "Qwen3.5-Max 在 AIME 2026 上取得 92.4 分，超过 GPT-5.1 的 90.1 分；在 LiveCodeBench v6 上得分为 79.3，领先 "
           "DeepSeek-V3.2 约 5 分，目前在 LMArena 排行榜上位列第 3。",
     [("qwen", "AIME 2026", 92.4, "gpt-5", 90.1), ("qwen", "LiveCodeBench v6", 79.3, "deepseek-v3", None)]),
    ("zh", "千问3.8在AIME 2026上取得92.4分，超过豆包Seed-2.0-Pro的90.1分。", [("qwen", "AIME 2026", 92.4, "doubao", 90.1)]),
    ("zh", "阿里云称，新模型在数学推理和代码任务上较上一代均有明显提升。", []),
    # the model a test ran, named in the setting, is not the subject
    ("en", "In the MLPerf Inference v6.0 Llama 2 70B server scenario, an eight-PPU Alibaba Cloud system produced 9,870 "
           "tokens per second, versus 7,410 for Nvidia's eight-H20 box.",
     [("t-head-ppu", "MLPerf Inference v6.0", 9870.0, "nvidia-h20", 7410.0)]),
    # a ranking after a cue word that is a noun (对比结果); Latin and digits spaced from Chinese (IT之家)
    ("zh", "在BrowseComp上，智谱给出的对比结果依次为：GLM-5.5 68.2；Claude Sonnet 4.5 61.9；DeepSeek-V3.2 60.4。",
     [("glm", "BrowseComp", 68.2, None, None), ("claude", "BrowseComp", 61.9, None, None),
      ("deepseek-v3", "BrowseComp", 60.4, None, None)]),
    # rivals given as examples after a score; a score with no model ("the average of the ten best")
    ("en", "Qwen4-Max achieves 89.1 on SWE-bench Verified, outperforming leading proprietary models including GPT-5.1 "
           "and Claude Opus 4.5.", [("qwen", "SWE-bench Verified", 89.1, "gpt-5", None),
                                    ("qwen", "SWE-bench Verified", 89.1, "claude", None)]),
    ("en", "Alibaba released Qwen3.6. On Humanity's Last Exam, where the average of the ten best-scoring systems is "
           "31.5, Alibaba did not report a score.", []),
    ("en", "Alibaba released Qwen3.6. The 32-billion-parameter version scored 79.5 on LiveCodeBench, better than "
           "models ten times its size such as Llama 4 Maverick (68.1).", [("qwen", "LiveCodeBench", 79.5, "llama", 68.1)]),
    # a clause that opens with its rival ("but short of X at N") keeps the sentence's subject
    ("en", "Qwen3.8-Max scored 92.4 on AIME 2026, ahead of the 89.7 posted by DeepSeek-V4 but short of GPT-5.2 at 93.1. "
           "On GPQA Diamond it reached 84.6 versus 86.2 for Gemini 3 Pro.",
     [("qwen", "AIME 2026", 92.4, "deepseek", 89.7), ("qwen", "AIME 2026", 92.4, "gpt-5", 93.1),
      ("qwen", "GPQA Diamond", 84.6, "gemini", 86.2)]),
    # a predecessor named after all; a rival's score after a colon in brackets
    ("en", "Qwen3.8-Max fixed 74.8% of the bugs in SWE-bench Verified, up from 71.2% for its predecessor, Qwen3.6-Max.",
     [("qwen", "SWE-bench Verified", 74.8, "qwen", 71.2)]),
    ("en", "Qwen4 is out. On LiveCodeBench it scored 78.2 (DeepSeek-V4: 74.5).", [("qwen", "LiveCodeBench", 78.2, "deepseek", 74.5)]),
    # a ranking gives each model its own score
    ("en", "On GPQA Diamond the order is Qwen4 84.1; Kimi K3 82.6; GLM-5 79.4.",
     [("qwen", "GPQA Diamond", 84.1, None, None), ("kimi", "GPQA Diamond", 82.6, None, None),
      ("glm", "GPQA Diamond", 79.4, None, None)]),
    # the benchmark of the sentence before, when it gave no score there; a rank is no score
    ("en", "On SWE-bench Verified the picture flips. Qwen4 trails at 69.8%, behind Kimi K3 (72.4%).",
     [("qwen", "SWE-bench Verified", 69.8, "kimi", 72.4)]),
    ("en", "Qwen4 ranked No. 3 on the LMArena text leaderboard.", []),
    # 'tops' after a score is a verb, not TOPS; scores before their benchmark in brackets; a size names the model;
    # a '12-point jump' is a margin and 'break 90' a threshold
    ("en", "Qwen3.5's SWE-bench Verified score of 74.1% tops DeepSeek-V3.2's 71.2%.",
     [("qwen", "SWE-bench Verified", 74.1, "deepseek-v3", 71.2)]),
    ("en", "Alibaba released Qwen3.5. It posted scores of 88.3 (MMLU-Pro), 79.1 (GPQA Diamond) and 92.0 (AIME 2025).",
     [("qwen", "MMLU-Pro", 88.3, None, None), ("qwen", "GPQA Diamond", 79.1, None, None),
      ("qwen", "AIME 2025", 92.0, None, None)]),
    ("en", "Alibaba released Qwen3.5. The 235B model made a 12-point jump on LiveCodeBench to 79.4.",
     [("qwen", "LiveCodeBench", 79.4, None, None)]),
    ("en", "Qwen3.5 is the first open model to break 90 on AIME 2025, scoring 91.3.", [("qwen", "AIME 2025", 91.3, None, None)]),
    ("zh", "在SuperCLUE的9月榜单中，Qwen4-Max预览版位列国内第1名。", []),
    # scores written next to their benchmark, under the article's model
    ("en", "Documents are where Qwen3.5-VL stands out. Alibaba reports a DocVQA score of 96.5 (GPT-4o: 92.8). "
           "The rest of the table reads like a spec sheet: MMStar, 74.8; ChartQA, 90.1.",
     [("qwen", "DocVQA", 96.5, "gpt-4o", 92.8), ("qwen", "MMStar", 74.8, None, None), ("qwen", "ChartQA", 90.1, None, None)]),
    # in a story about one model, the model named second in a semicolon pair is the subject
    ("en", "Alibaba released Qwen3.6-Coder. Anthropic's Claude Sonnet 4.5 resolves 77.2 percent of SWE-bench Verified "
           "tasks; Qwen3.6-Coder resolves 75.9 percent.", [("qwen", "SWE-bench Verified", 75.9, "claude", 77.2)]),
    # the model named by "the model" leapfrogs the rival; "to the rival's 68.0"; a maker claiming for its model
    ("en", "Alibaba released Qwen3.6-Coder. On tool use, the model leapfrogs DeepSeek-V3.2, posting 71.4 on BFCL v4 to "
           "the Chinese rival's 68.0.", [("qwen", "BFCL v4", 71.4, "deepseek-v3", 68.0)]),
    ("en", "Alibaba released Qwen3.5. On Humanity's Last Exam, Alibaba claims 32.6 percent without tools. Shares of "
           "Alibaba rose 3.4% in Hong Kong.", [("qwen", "Humanity's Last Exam", 32.6, None, None)]),
    # a short name of a model named before, with a suffix; a list head with one semicolon is a ranking
    ("en", "DeepSeek-V3.2 is out. DeepSeek's V3.2-Speciale claimed 96.0 on AIME 2025.",
     [("deepseek-v3", "AIME 2025", 96.0, None, None)]),
    ("en", "IFEval: Qwen3.5 92.6; Llama 4 Maverick 86.4",
     [("qwen", "IFEval", 92.6, None, None), ("llama", "IFEval", 86.4, None, None)]),
    # MLPerf Training gives time to train; a count of chips is no score
    ("en", "In MLPerf Training v6.0, a cluster of 64 PPUs needed 41.2 minutes to fine-tune Llama 2 70B.",
     [("t-head-ppu", "MLPerf Training v6.0", 41.2, None, None)]),
    # a Chinese throughput after 每秒; a chip that names the server is its subject; "，但低于X的…" is a rival clause
    ("zh", "寒武纪发布思元690。在最新一轮MLPerf Inference测试中，搭载8颗思元690的服务器取得每秒23800个Token的成绩，"
           "与同配置的英伟达H100系统基本持平，但低于H200系统的每秒34000个Token。",
     [("cambricon-siyuan", "MLPerf Inference", 23800.0, "nvidia-h100", None),
      ("cambricon-siyuan", "MLPerf Inference", 23800.0, "nvidia-h200", 34000.0)]),
    # an MLPerf result in the sentence after the suite is named; a rival's throughput 'for' its system
    ("en", "T-Head submitted the Zhenwu 920 to MLPerf Inference v6.0 in the closed division. On the Llama 2 70B test, an "
           "eight-card Zhenwu 920 server produced 24,310 tokens per second, versus 10,570 tokens per second for an "
           "eight-way H20 system. In our lab, the Zhenwu 920 rated 1,250 TFLOPS.",
     [("t-head-ppu", "MLPerf Inference v6.0", 24310.0, "nvidia-h20", 10570.0)]),
    ("zh", "平头哥发布真武920。真武920单卡性能是英伟达H20的1.8倍；在MLPerf Inference v6.0的Llama 2 70B离线场景测试中，"
           "八卡服务器成绩为每秒24310个Token，高于同配置H20服务器的每秒10570个Token。",
     [("t-head-ppu", None, 1.8, "nvidia-h20", None),
      ("t-head-ppu", "MLPerf Inference v6.0", 24310.0, "nvidia-h20", 10570.0)]),
    # CPU benchmarks; "that chart" is the benchmark before; Chinese 它 is the model before
    ("en", "The XuanTie C950 CPU core scores 16.2/GHz on SPECint2006, the highest published figure for a RISC-V "
     "design.", [("xuantie", "SPECint2006", 16.2, None, None)]),
    ("en", "Qwen3.6-Max scored 76.4% on SWE-bench Verified. Anthropic's Claude Opus 4.5 still tops that chart at 80.9%.",
     [("qwen", "SWE-bench Verified", 76.4, None, None), ("claude", "SWE-bench Verified", 80.9, None, None)]),
    ("zh", "千问3.6-Max在BFCL v4工具调用评测上取得72.5分。编程方面，它的SWE-bench Verified得分为74.2%，与Claude Opus 4.5持平。",
     [("qwen", "BFCL v4", 72.5, None, None), ("qwen", "SWE-bench Verified", 74.2, "claude", None)]),
    # the model an MLPerf result names is the workload the hardware ran
    ("en", "On MLPerf Inference v6.0's Llama 2 70B benchmark, a server with eight Zhenwu 810E chips posted 11,900 tokens "
     "per second.", [("t-head-ppu", "MLPerf Inference v6.0", 11900.0, None, None)]),
    # a chip scores nothing on AIME: a list of scores with no model named is the article's model's
    ("en", "The Zhenwu PPU runs Qwen3.6-Plus at 1,180 tokens per second, and the Zhenwu PPU is made in China. Alibaba "
     "says Qwen3.6-Plus posted 78.4 on GPQA Diamond. The Zhenwu PPU has 144GB of memory. The rest of the scorecard: "
     "AIME 2025, 89.6; LiveCodeBench v6, 74.3.",
     [("qwen", "GPQA Diamond", 78.4, None, None), ("qwen", "AIME 2025", 89.6, None, None),
      ("qwen", "LiveCodeBench v6", 74.3, None, None)]),
    # a clause opening with a test the gazetteer does not list; a name the sentence calls a model
    ("en", "Qwen3.5-TH scored 74.6 on ThaiExam, a test built from Thai national exams. On SeaExam it posted 68.2, up "
     "from 61.5 for Qwen2.5.", [("qwen", "ThaiExam", 74.6, None, None), ("qwen", "SeaExam", 68.2, "qwen", 61.5)]),
    ("en", "On ProofNet, DeepSeek-Prover-V3 scored 54.0%; Kimina-Prover, an open model from the Beijing start-up "
     "Moonshot AI, scored 49.3%.", [("deepseek", "ProofNet", 54.0, "Kimina-Prover", 49.3)]),
    # a count written as an adjective, a cost over budget and schools counted are no scores; an "although" clause
    # gives the rival's score
    ("en", "On a 64-chip Zhenwu pod, Qwen3.5-Max scored 83.1 on LiveCodeBench v6.",
     [("qwen", "LiveCodeBench v6", 83.1, None, None)]),
    ("en", "On SWE-bench Verified, Qwen4-Max-Thinking resolves 76.8% of issues, although Claude Opus 4.5 still leads "
     "that test at 80.9%. One customer said its bills ran about 40% above budget.",
     [("qwen", "SWE-bench Verified", 76.8, "claude", 80.9)]),
    ("zh", "千问3.5在C-Eval上得分为88.2。千问App已覆盖全国2800所高校。", [("qwen", "C-Eval", 88.2, None, None)]),
    # a rival that still leads: the article's model is the subject, the rival ahead its comparator
    ("en", "Alibaba released Qwen3.6-Max. Qwen3.6-Max scored 80.1 on GPQA Diamond. Google's Gemini 3 Pro still leads on "
     "Humanity's Last Exam, scoring 38.3 against Qwen3.6-Max's 33.9.",
     [("qwen", "GPQA Diamond", 80.1, None, None), ("qwen", "Humanity's Last Exam", 33.9, "gemini", 38.3)]),
    # a test's named subset is part of its name
    ("en", "Qwen3.6-Max scored 74.8 on Tau2-Bench Retail.", [("qwen", "Tau2-Bench Retail", 74.8, None, None)]),
    # the language of a test is no part of its name
    ("en", "Qwen3-Max-Finance posted 71.3% on the English-language FinanceBench.",
     [("qwen", "FinanceBench", 71.3, None, None)]),
    # a comparing word with nothing after it compares nothing; after a rival that still leads, "the new model" and
    # a table's "Benchmark (score)" items are still the article's model's
    ("en", "On SWE-bench Verified, the coding test every lab now fights over, Qwen3.7 posted 72.9%.",
     [("qwen", "SWE-bench Verified", 72.9, None, None)]),
    ("en", "Alibaba dropped Qwen3.7 on Tuesday. Qwen3.7 posted 72.9% on SWE-bench Verified, though Anthropic's Claude "
     "Opus 4.5 still leads the same test at 80.9%. Further down the release table are LiveCodeBench v6 (70.4) and "
     "AIME25 (92.3). Artificial Analysis measured 71.0 on GPQA Diamond for the new model.",
     [("qwen", "SWE-bench Verified", 72.9, "claude", 80.9), ("qwen", "LiveCodeBench v6", 70.4, None, None),
      ("qwen", "AIME25", 92.3, None, None), ("qwen", "GPQA Diamond", 71.0, None, None)]),
    # a sentence opening on "The model" after a rival's own score is back on the article's model
    ("en", "Qwen4-Max scored 72.6% on SWE-bench Verified. Claude Opus 4.5 trails at 70.1% on that test. The model "
     "matches Gemini 3 Pro on AIME 2025 at 95.0.",
     [("qwen", "SWE-bench Verified", 72.6, None, None), ("claude", "SWE-bench Verified", 70.1, None, None),
      ("qwen", "AIME 2025", 95.0, "gemini", None)]),
    # a rival's bare score in a sentence of its own, right after a claim, is on the same test (also after "the
    # same benchmark"); with a second score after it, it is no claim of its own
    ("en", "On MLPerf Inference v6.0, a Maia 200 system posted 48,300 tokens per second. Nvidia's GB200 NVL72 trails "
     "at 46,100.",
     [("microsoft-maia", "MLPerf Inference v6.0", 48300.0, None, None),
      ("nvidia-gb200", "MLPerf Inference v6.0", 46100.0, None, None)]),
    ("en", "Claude Sonnet 5 scored 77.2% on SWE-bench Verified. Claude Opus 5 posted 80.8% on the same benchmark. "
     "Meta's Llama 4 Maverick trails at 61.0%.",
     [("claude", "SWE-bench Verified", 77.2, None, None), ("claude", "SWE-bench Verified", 80.8, None, None),
      ("llama", "SWE-bench Verified", 61.0, None, None)]),
    ("en", "Qwen4-Max scored 76.2 on SWE-bench Verified. GPT-5.1 trails at 74.9, while Anthropic's Claude Opus 4.5 "
     "remains ahead at 80.1 on the same test.",
     [("qwen", "SWE-bench Verified", 76.2, None, None), ("claude", "SWE-bench Verified", 80.1, None, None)]),
    # a domain joined by a hyphen, or a two-letter region before it, names a test of its own
    ("zh", "在SuperCLUE-Auto智能座舱测评中，Qwen3-Max得分为82.3分。", [("qwen", "SuperCLUE-Auto", 82.3, None, None)]),
    ("en", "Qwen4-Max scored 84.6 on EU-MMLU, a 24-language version of the test.", [("qwen", "EU-MMLU", 84.6, None, None)]),
    # a test the gazetteer lacks, once seen as a test, is one when named again; "known as" names it; a reading
    # test's descriptor may stand before "benchmark"; "out of 5" is no score
    ("en", "On BM-ReadComp, a reading test compiled by Universiti Malaya, Qwen3-Max posted 71.3%. Malaysia AI Lab "
     "re-ran BM-ReadComp last week and put Qwen3-Max at 69.8%.",
     [("qwen", "BM-ReadComp", 71.3, None, None), ("qwen", "BM-ReadComp", 69.8, None, None)]),
    ("en", "Alibaba released Qwen3-Max. On the Brazilian entrance exam set known as ENEM-Bench it reached 88.7%, and it matches GPT-5 on the PoetaV2 "
     "suite.", [("qwen", "ENEM-Bench", 88.7, None, None), ("qwen", None, None, "gpt-5", None)]),
    ("en", "Alibaba released Qwen3-Max. On the Belebele reading benchmark the model reaches 91.3%.", [("qwen", "Belebele", 91.3, None, None)]),
    ("en", "On the AILuminate jailbreak test, Qwen3-Max scored 3.1 out of 5.", [("qwen", "AILuminate", 3.1, None, None)]),
    # a test named after its description, a score given as "its score of", "however" after the test, "the company
    # reported"; a rival the gazetteer lacks whose score is its possession
    ("en", "Alibaba released Qwen3-Max. On the Korean reasoning test KoBALT-700, it reached 61.3 points.",
     [("qwen", "KoBALT-700", 61.3, None, None)]),
    ("en", "Alibaba released Qwen3-Max. On IndicGenBench, however, its score of 48.6 trails Gemini 2.5 Flash.",
     [("qwen", "IndicGenBench", 48.6, "gemini", None)]),
    ("en", "Alibaba released Qwen3-Max. On the Hindi subset of MMLU-ProX the company reported 72%.",
     [("qwen", "MMLU-ProX", 72.0, None, None)]),
    ("en", "Qwen3.7-32B scored 61.4 on MILU, ahead of Sarvam-M's 57.9.", [("qwen", "MILU", 61.4, "Sarvam-M", 57.9)]),
    # a test's possessive is no part of its name; a language after a speech test is; an underscore joins a name
    ("en", "Qwen3-Max scored 71.2 on AfriMMLU's Swahili section.", [("qwen", "AfriMMLU", 71.2, None, None)]),
    ("en", "Qwen3-Max's word error rate on Common Voice Cantonese fell to 6.2 percent.",
     [("qwen", "Common Voice Cantonese", 6.2, None, None)]),
    ("en", "The Yitian 710 scored 440 on SPECrate2017_int_base in a reseller's tests.",
     [("yitian-710", "SPECrate2017_int_base", 440.0, None, None)]),
    # "11 Indian languages" is a count; an F1 is no product; a test a model is ranked on gives the next sentence no
    # test for its throughput
    ("en", "On IndicMMLU-Pro, which covers 11 Indian languages, Qwen3-Max posted 71.3.",
     [("qwen", "IndicMMLU-Pro", 71.3, None, None)]),
    ("en", "Alibaba released Qwen3-Max. One insurer reported an F1 of 0.91 on its own invoice test set.", []),
    ("en", "Alibaba released Qwen3-Max. At the time of writing the model sits third on the LMArena WebDev leaderboard. "
     "It serves roughly 180 tokens per second per request.", []),
    # "behind" inside the opening noun phrase compares nothing; a name may carry accents
    ("en", "The model behind the app, Qwen3.6-Plus, scored 81.2 on MMLU, ahead of Gemini 3 Pro at 79.5.",
     [("qwen", "MMLU", 81.2, "gemini", 79.5)]),
    ("en", "Maritaca AI's Sabiá-4 posted 77.0 on MMLU.", [("Sabiá-4", "MMLU", 77.0, None, None)]),
    # a test with no results given is not the test of the sentence's other figures
    ("en", "Analysts put the Zhenwu 830 at roughly 60% of a B200 on training, and T-Head did not submit results for "
     "MLPerf Training.", []),
]


@pytest.mark.parametrize("language, body, expected", BENCHMARK_CLAIMS)
def test_benchmark_claims_with_their_rivals(enricher, language, body, expected):
    lead = "阿里巴巴发布Qwen3-Max。\n" if language == "zh" else ""
    claims = enrich_text(enricher, "Qwen3-Max release", lead + body, language).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"], claim["comparator_score"])
            for claim in claims] == expected


def test_yitian_in_chinese_and_a_chinese_names_generation(enricher):
    # 倚天 is the Yitian family; "至强6" is a name's generation, not a score
    body = "在SPECrate 2017_int_base测试中，倚天920取得了698分，超过英特尔至强6 6980P的641分。"
    claims = enrich_text(enricher, "倚天920", body, "zh").claims
    assert ("yitian-710", "SPECrate 2017_int_base", 698.0) in [
        (claim["subject"], claim["benchmark"], claim["score"]) for claim in claims]
    assert 6.0 not in [claim["score"] for claim in claims]


@pytest.mark.parametrize("body", [
    "Qwen3-Max downloads rose 30% on ModelScope last week.",
    "The model climbed 12% in GitHub stars and ranks 3 in AppStore charts.",
    "Qwen3-Max was priced 50% lower on DashScope, and usage grew 4% in HK.",
    "Qwen3-Max scored 85.2 on Monday in tests.",
    # a price in renminbi after a benchmark named without a score is no score of it
    "It ranks fifth on LMArena. Alibaba lists it at RMB 9.8 per card-hour, about 30% below its H20 instances.",
])
def test_a_place_platform_or_day_after_a_number_is_no_benchmark(enricher, body):
    assert enrich_text(enricher, "Qwen3-Max release", f"Alibaba released Qwen3-Max. {body}").claims == []


CHINESE_COMPARISONS = [  # body, [(subject, comparator, factor)]
    ("腾讯发布混元T2。与上一代混元T1相比，新模型的推理速度提升至2倍。", [("hunyuan", "hunyuan", 2.0)]),
    ("百度发布文心5.1。文心5.1的推理速度较文心5.0提升3.2倍。", [("ernie", "ernie", 3.2)]),
    ("昆仑芯P800比H20快2倍。", [("kunlun", "nvidia-h20", 2.0)]),
    ("平头哥真武PPU的推理性能约为英伟达H20的1.5倍。", [("t-head-ppu", "nvidia-h20", 1.5)]),
    ("平头哥真武PPU的推理性能达到英伟达H20的1.2倍。", [("t-head-ppu", "nvidia-h20", 1.2)]),
    ("真武920的推理吞吐量是真武810E的3倍。", [("t-head-ppu", "t-head-ppu", 3.0)]),
    ("真武810E的性能是英伟达H20的1.5倍。", [("t-head-ppu", "nvidia-h20", 1.5)]),
    ("千问3.5的调用量较去年增长8倍。", []),   # growth over a year is no comparison with a rival
    ("平头哥发布真武810E。该芯片每秒处理的请求相当于H20的1.3倍。", [("t-head-ppu", "nvidia-h20", 1.3)]),
    # better by a percent, or with no figure: a comparison with no factor; a year is still no rival
    ("千问3.5发布。该模型的推理速度比上一代快40%。", [("qwen", "上一代", None)]),
    ("昆仑芯P800比H20更强。", [("kunlun", "nvidia-h20", None)]),
    ("千问3.5的收入比去年高出20%。", []),
    ("平头哥发布真武920。与上一代真武810E相比，新芯片的能效提升约60%。", [("t-head-ppu", "t-head-ppu", None)]),
    # a later bare "上一代" stays as written even after a predecessor was named (the labelling convention: an
    # unnamed predecessor is kept as written; five of eight saved pages' writers agree); a chip after 与 is no new
    # subject; 在…支持下 is a setting
    ("百度发布文心5.5，较上一代文心5.0提升明显。百度称，其推理速度是上一代的2倍。", [("ernie", "上一代", 2.0)]),
    ("平头哥发布真武920。平头哥并未公布该芯片与华为昇腾950的对比数据。该芯片的推理性能是英伟达H20的1.8倍。",
     [("t-head-ppu", "nvidia-h20", 1.8)]),
    ("百度发布文心5.5。在昆仑芯P800集群的支持下，其推理吞吐量是上一代文心5.0的3倍。", [("ernie", "ernie", 3.0)]),
    ("据 IT之家了解，真武 820 的 INT8 算力是上一代真武 810E 的 2.5 倍。", [("t-head-ppu", "t-head-ppu", 2.5)]),
    ("根据华为公布的数据，昇腾 910C 的算力约为 1600 TOPS，高于真武 820。", [("huawei-ascend-910c", "t-head-ppu", None)]),
    # a cluster based on the chip is the chip's (基于…的推理集群)
    ("基于平头哥真武PPU的推理集群吞吐量是此前英伟达H20集群的1.8倍。", [("t-head-ppu", "nvidia-h20", 1.8)]),
    # "该中心采用的真武PPU" is the PPU the centre uses, the clause's subject; a percent over a rival is a difference,
    # not a score of the test the sentence named before; 新一代模型 is the article's model
    ("在MLPerf Inference v6.0测试中，真武820服务器取得每秒3.1万个token的成绩；在千问模型的推理测试中，其吞吐量较英伟达H20"
     "高出约70%。", [("t-head-ppu", None, 31000.0), ("t-head-ppu", "nvidia-h20", None)]),
    ("据阿里云介绍，该中心采用的真武PPU在运行千问3.6-32B时，推理吞吐达到英伟达H20的1.7倍。", [("t-head-ppu", "nvidia-h20", 1.7)]),
    ("千问3.5发布。官方还称，新一代模型的响应速度是上一代的2倍。", [("qwen", "上一代", 2.0)]),
    # a lead in percent over a rival is a difference, not a score
    ("在MLPerf Inference v6.1测试中，真武830服务器取得每秒22,400个Token的成绩；在Stable Diffusion XL项目上，该服务器同样领先"
     "昇腾910C系统约18%。", [("t-head-ppu", None, 22400.0), ("t-head-ppu", "huawei-ascend-910c", None)]),
    # 后者 is the rival named before; 能效比 is a ratio, not "than"
    ("真武920的推理性能是英伟达H20的2.3倍，能效比则是后者的1.8倍。",
     [("t-head-ppu", "nvidia-h20", 2.3), ("t-head-ppu", "nvidia-h20", 1.8)]),
]


@pytest.mark.parametrize("body, expected", CHINESE_COMPARISONS)
def test_chinese_speed_up_factors(enricher, body, expected):
    claims = enrich_text(enricher, "芯片与模型", body, "zh").claims
    assert [(claim["subject"], claim["comparator"], claim["score"]) for claim in claims] == expected


@pytest.mark.parametrize("quote, expected", [
    ("Smaller rivals are struggling to keep up with the price cuts.", "positive"),   # bad news for rivals
    ("The model is good, but AI cloud revenue growth lags its rivals.", "mixed"),
    ("Baidu's cloud growth is falling behind its competitors.", "negative"),
    ("Margin pressure would ease in the second half.", "positive"),
    ("The market is too pessimistic about the cloud business.", "positive"),
    ("These are the company's own numbers, and nobody outside it has checked them.", "negative"),
    # a bad measure going down is good news, a few words apart or in Chinese
    ("We cut our inference bill by 37% without losing accuracy.", "positive"),
    ("切换到千问后，单笔审核耗时缩短了40%。", "positive"),
    ("即时零售的亏损会在未来几个季度逐步收窄。", "positive"),
    ("资本开支持续高企正在侵蚀自由现金流。", "negative"),
    # a serious option is praise; falling back, not knowing, stability yet to be seen, switching back are not; a
    # missed-defect rate or a backlog going down is good news; a breakdown is bad, a fault located faster is not
    ("If the performance holds up in production, it is a serious option for us.", "positive"),
    ("We had to fall back to a smaller model for two hours.", "negative"),
    ("We still don't know what data these models retain.", "negative"),
    ("真武集群在高并发场景下的稳定性仍有待观察。", "negative"),
    ("上个月我们遇到过两次调度故障，最终把部分业务切回了火山引擎。", "negative"),
    ("接入千问视觉模型后，缺陷漏检率下降了约40%。", "positive"),
    ("我们的故障定位时间从小时级缩短到了分钟级。", "positive"),
    ("The pilot cut the backlog of reviews by 35%, though we still had to rework one in five summaries.", "mixed"),
    # a bar reset, a plan that proves conservative, demand outrunning it, being affordable, 用得起; a platform whose
    # rules are opaque, that one does not dare build on
    ("Qwen3.7 probably resets the bar for open-weight models.", "positive"),
    ("The 480 billion yuan commitment is likely to prove conservative.", "positive"),
    ("我们希望更多企业用得上、用得起大模型。", "positive"),
    ("平台规则仍不透明，我们不敢把核心业务放上去。", "negative"),
    # a bill that fell, a migration smoother than expected; a part that falls back to slower memory, callers who
    # hang up, hallucinations, being worse than an older version
    ("每月算力支出从约80万元降到45万元左右，迁移比预想的顺利。", "positive"),
    ("Without HBM3E, the chip falls back to domestic memory, which makes it a mid-range part.", "negative"),
    ("Many of my elderly clients simply hang up when they hear a machine on the line.", "negative"),
    ("长上下文任务中的幻觉问题仍然明显，还不如我之前用的版本稳定。", "negative"),
    # a veto, a non-starter, a paused project, a test close to contaminated; a plan that may prove conservative, a
    # defect rate (次品率) or a threshold (门槛) going down
    ("Our works council vetoed it. Politically, a Chinese model is a non-starter for us.", "negative"),
    ("SWE-bench Verified is heavily contaminated; a two-point swing tells you very little.", "negative"),
    ("The three-year plan may prove to be conservative.", "positive"),
    ("接入千问视觉模型做布匹瑕疵检测后，次品率下降了35%。", "positive"),
    # a real differentiator, demand above supply, numbers that stand up to checking; a position trimmed, a score
    # that no longer tells much, a queue that sends work elsewhere
    ("If the MI450 ramps on schedule, that is a real differentiator.", "positive"),
    ("我们看到的需求仍然超过供给，这次的数字是经得起检验的。", "positive"),
    ("A 95 on AIME no longer tells you much about a model you haven't seen fail.", "negative"),
    ("阿里云GPU实例多次出现排队，我们只能把一部分推理任务迁到别处。", "negative"),
])
def test_stance_reads_whom_a_cue_is_about(judge, quote, expected):
    analyst = Speaker("Jane Liu", "analyst", "Morningstar", "person")
    assert judge.stance(quote, analyst, {"baidu", "alibaba"}) == expected


@pytest.mark.parametrize("lead_in", ["Not all customers are as positive.", "Not everyone was convinced."])
def test_a_lead_in_that_not_everyone_agrees_announces_a_critic(judge, lead_in):
    customer = Speaker("Priya Raman", "chief technology officer", "Canva", "person")
    quote = "Onboarding took four months and the English documentation lagged the Chinese version by weeks."
    assert judge.stance(quote, customer, {"alibaba", "alibaba cloud"}, f"{lead_in} said") == "negative"


def test_the_writers_lead_in_says_which_way_an_outside_view_goes(enricher):
    body = ("Alibaba will supply the AI features of Apple's phones in China.\n"
            "Others were more cautious. \"Apple will route the most sensitive requests to its own model, so Qwen "
            "may end up handling only a slice of the traffic,\" said Richard Lam, head of research at Sun Hung Kai.\n"
            "\"Apple will route the most sensitive requests to its own model,\" said Olivia Chan, an analyst at Daiwa.")
    article = enrich_text(enricher, "Alibaba and Apple", body)
    assert [(quote["speaker"], quote["stance"]) for quote in article.quotes] == [
        ("Richard Lam", "negative"), ("Olivia Chan", "positive")]


def test_the_model_a_test_ran_on_is_the_setting_not_the_subject(enricher):
    body = ("In a test Huawei ran on DeepSeek's V3.2 model, a server with eight Ascend 960 chips generated 14,200 "
            "tokens per second, roughly on par with a comparable Nvidia H200 system.")
    claims = enrich_text(enricher, "Huawei Ascend 960", body).claims
    assert [(claim["subject"], claim["comparator"]) for claim in claims] == [("huawei-ascend", "nvidia-h200")]


def test_chips_in_a_setting_are_not_the_subject_of_a_speed_up(enricher):
    body = ("Alibaba released Qwen3.6-397B. In my own tests on a rented node of eight H200s, the 397B model generated "
            "about 2.4 times as many tokens per second as Llama 4 Maverick.")
    claims = enrich_text(enricher, "Qwen3.6 review", body).claims
    assert [(claim["subject"], claim["comparator"], claim["score"]) for claim in claims] == [("qwen", "llama", 2.4)]


def test_the_subjects_family_holds_its_units_and_products(enricher):
    family = set(enricher.gazetteer.family("alibaba"))
    assert {"alibaba", "alibaba-cloud", "qwen", "t-head", "t-head-ppu", "taobao", "dingtalk"} <= family
    assert not {"ant-group", "alipay", "tencent", "deepseek"} & family   # an affiliate and rivals are not Alibaba


def test_an_official_who_only_watches_and_declines_to_comment_is_neutral(judge):
    department = Speaker("U.S. Commerce Department", None, "U.S. Commerce Department", "org", True)
    quote = 'the department "continues to monitor Huawei\'s capabilities closely" and declined to comment further.'
    assert judge.stance(quote, department, {"huawei"}) == "neutral"


@pytest.mark.parametrize("quote, expected", [
    # a competitor named first and praised is bad news for the subject; named after it, the cue is the subject's
    ("DeepSeek-V4 is still cheaper to serve per token than anything Alibaba ships.", "negative"),
    ("Alibaba is cheaper to serve than DeepSeek-V4.", "positive"),
    # choosing a competitor, or the subject
    ("We tested it last week and we are sticking with Anthropic for now.", "negative"),
    ("We tested both and switched to Qwen for our support bots.", "positive"),
    ("Llama's license made our lawyers nervous, and the other small models were weak. Qwen was the one that just worked.",
     "positive"),
])
def test_stance_weighs_praise_and_choices_of_named_competitors(judge, quote, expected):
    engineer = Speaker("Liu Yang", "engineer", "Finmatic", "person")
    rivals = {"deepseek-v4", "anthropic", "llama"}
    assert judge.stance(quote, engineer, {"alibaba", "qwen"}, rival_names=rivals) == expected


def test_an_executive_of_another_company_is_no_insider(judge):
    assert judge.speaker_kind(Speaker("Dmitri Volkov", "chief technology officer", "Wayla", "person"),
                              {"alibaba", "qwen"}) == OUTSIDER   # a customer
    assert judge.speaker_kind(Speaker("Eddie Wu", "chief executive", None, "person"), {"alibaba"}) == INSIDER
    assert judge.speaker_kind(Speaker("Wu Jia", "vice president", "Alibaba Cloud", "person"), {"alibaba"}) == INSIDER


def test_competitors_are_the_other_makers_of_models_and_chips(enricher):
    body = ("Alibaba released Qwen4 on Monday. China Mobile said it would test the model.\n"
            "\"DeepSeek keeps delivering the same quality for less, and Nvidia's H20 is still easier to buy,\" said "
            "Rachel Chow, an analyst at Jefferies.")
    spans = [(entity.start_char, entity.end_char, entity.text, entity.label_, entity.ent_id_ or None)
             for entity in enricher.english(f"Qwen4\n\n{body}").ents]
    subject_names, _ = enricher._main_subject(spans, len("Qwen4") + 2)
    rivals = enricher._rival_names(spans, subject_names)
    assert {"deepseek", "nvidia", "h20"} <= rivals and not {"qwen4", "alibaba", "china mobile"} & rivals
    assert enricher.gazetteer.ancestors("gemini") == ["gemini", "google-deepmind", "alphabet"]


def test_an_mlperf_result_is_a_chip_story_not_a_model_one(enricher):
    body = "In MLPerf Inference v6.0, an eight-card Zhenwu 920 server produced 24,310 tokens per second."
    assert enrich_text(enricher, "T-Head's Zhenwu 920 in MLPerf", body).categories == ["chip"]


def test_another_organisations_statement_takes_no_side(judge):
    nvidia = Speaker("Nvidia", "spokesperson", "Nvidia", "org")
    quote = 'the company "competes in every market where we are permitted to" and declined to comment on the PPU.'
    assert judge.stance(quote, nvidia, {"alibaba", "t-head"}) == "neutral"
    assert judge.stance("Llama remains a weaker choice and a risky one.", Speaker("Meta", None, "Meta", "org"),
                        {"alibaba", "qwen"}) == "negative"


def test_an_officials_procedure_is_neutral_and_a_chinese_executive_without_a_company_is_no_insider(judge):
    official = Speaker("Liu Jianhua", "deputy director", "CAC", "person")
    quote = ("The purpose of the draft is to ensure that generative AI services develop in a healthy and orderly way; "
             "it is open for public comment until 20 June.")
    assert judge.stance(quote, official, {"baidu"}) == "neutral"
    assert judge.speaker_kind(Speaker("李牧", "CTO", None, "person"), {"腾讯", "tencent"}) == OUTSIDER
    assert judge.speaker_kind(Speaker("Eddie Wu", "chief executive", None, "person"), {"alibaba"}) == INSIDER


@pytest.mark.parametrize("quote, expected", [
    # without a contrast the side with more cues wins; only a tie is mixed
    ("The cloud unit is growing fast, but the capex keeps rising and the margins are shrinking.", "mixed"),
    ("The model is strong, yet the capex keeps climbing, the margins are shrinking and losses are widening.", "mixed"),
    ("Capex keeps climbing, margins are shrinking and losses are widening, for all the strong model.", "negative"),
    ("A strong model and a strong cloud: the losses are widening, but that is a detail.", "mixed"),
    # praise before a "but" is mixed: the "but" brings a doubt, whether or not a cue word names it
    ("Alibaba has bought itself a seat at the table, but the bill for keeping it will be recurring.", "mixed"),
])
def test_an_outsiders_cues_both_ways_are_weighed_and_a_but_makes_them_mixed(judge, quote, expected):
    analyst = Speaker("Jane Liu", "analyst", "Morningstar", "person")
    assert judge.stance(quote, analyst, {"alibaba"}) == expected


def test_an_official_with_no_view_stated_is_neutral_but_a_lawmaker_presses_a_case(judge):
    ministry = Speaker("Ministry of Commerce", None, "Ministry of Commerce", "org", True)
    quote = "platforms that use AI to write marketing copy bear the same responsibility as if a person had written it."
    assert judge.stance(quote, ministry, {"alibaba"}) == "neutral"
    assert judge.stance("the practice amounts to unfair competition and harms consumers.", ministry,
                        {"alibaba"}) == "negative"
    senator = Speaker("Mark Delaney", "Senator", "Senate Armed Services Committee", "person")
    assert judge.stance("Alibaba's cloud arm belongs on the Pentagon's list.", senator, {"alibaba"}) == "negative"


def test_that_test_is_the_one_before_and_the_makers_model_is_the_articles(enricher):
    body = ("Alibaba released Qwen3.7-Max on Tuesday. On SWE-bench Verified it scored 74.2%.\n"
            "Anthropic's Claude Opus 4.5 still leads that coding test at 80.9%, and Alibaba didn't publish results "
            "for Terminal-Bench.\n"
            "Elsewhere, Alibaba's own table puts the model at 92.3 on AIME 2025. It also beats DeepSeek-V3.2 by four "
            "points on MMLU-Pro.")
    claims = enrich_text(enricher, "Qwen3.7-Max", body).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"]) for claim in claims] == [
        ("qwen", "SWE-bench Verified", 74.2, None), ("claude", "SWE-bench Verified", 80.9, None),
        ("qwen", "AIME 2025", 92.3, None), ("qwen", None, None, "deepseek-v3")]


@pytest.mark.parametrize("body, expected", [
    ("T-Head unveiled the Zhenwu 920, which it says delivers 3.1 times the inference throughput of its predecessor, "
     "the Zhenwu 810E.", [("t-head-ppu", "t-head-ppu", 3.1)]),
    # "the system" after its maker is named still means the unknown system named before, not the maker's known chip
    ("Huawei unveiled the Atlas 950 SuperPoD, which links 8,192 Ascend chips. Huawei said the system would be 6.7 "
     "times more powerful than Nvidia's NVL144.", [("Atlas 950 SuperPoD", "Nvidia's NVL144", 6.7)]),
    # an unknown rival's name as written, without "the"
    ("Apple also claims the A19 Pro's Neural Engine runs the model 1.6x faster than the A18 Pro.",
     [("A19 Pro", "A18 Pro", 1.6)]),
    # "the 830" is the chip named before by its model number
    ("T-Head launched the Zhenwu 830. They also claim the 830 beats Huawei's Ascend 910C on large-model training.",
     [("t-head-ppu", "huawei-ascend-910c", None)]),
    # a hardware benchmark's workload is no product; the maker's system stands for its chip
    ("T-Head launched the Zhenwu 830. In the offline ResNet-50 test, the T-Head system's result was on par with the "
     "H200 entry.", [("t-head-ppu", "nvidia-h200", None)]),
    # a factor of a measure per watt, or of a benchmark's measure
    ("T-Head launched the Zhenwu 830. The company also claims 2x the performance per watt of its predecessor, the "
     "Zhenwu 810E.", [("t-head-ppu", "t-head-ppu", 2.0)]),
    ("T-Head said the Yitian 920 delivers 1.9x the SPECrate 2017 integer performance of the Yitian 710 it replaces.",
     [("yitian-710", "yitian-710", 1.9)]),
    # a verb's base form after "would" compares as its -s form does
    ("T-Head launched the Zhenwu PPU. Nvidia's newer B30A would still outpace it by about 40%.",
     [("nvidia-b30a", "t-head-ppu", None)]),
    # a chip is compared with a chip: the model named last is not the one "a generation behind" a GPU
    ("T-Head's Zhenwu PPU now serves Qwen3.5. Qwen3.5 is fast, but the part is still a generation behind "
     "Nvidia's Blackwell.", [("nvidia-blackwell", "t-head-ppu", None)]),
    ("千问App约30%的推理请求已由真武PPU承担，单卡推理性能达到英伟达H20的1.5倍。", [("t-head-ppu", "nvidia-h20", 1.5)]),
    # a model number before a comma is part of the name, so "the Zhenwu 810E" is another chip, not the subject
    ("T-Head has unveiled the Zhenwu 850, a processor that it says delivers 3.1 times the throughput of the "
     "Zhenwu 810E it replaces.", [("t-head-ppu", "t-head-ppu", 3.1)]),
    ("MiniMax said MiniMax-M3.5 generates text 2.5 times faster than its predecessor M2.",
     [("minimax-models", "minimax-models", 2.5)]),
    ("在大模型训练场景下，寒武纪思元690仍领先真武920约15%。", [("cambricon-siyuan", "t-head-ppu", None)]),
])
def test_a_named_predecessor_and_a_lead_by_a_share_are_comparisons(enricher, body, expected):
    claims = enrich_text(enricher, "Chips", body).claims
    assert [(claim["subject"], claim["comparator"], claim["score"]) for claim in claims] == expected


@pytest.mark.parametrize("body, rivals", [
    ("Qwen3.7-Max scored 75.8% on SWE-bench Verified, level with Gemini 3 Pro, but still behind Claude Opus 4.5.",
     ["gemini", "claude"]),
    ("Qwen3.7-Max scored 75.8% on SWE-bench Verified, but still trails Claude Opus 4.5.", ["claude"]),
    ("在SWE-bench Verified中，千问3.7-Max得分为75.8%，与Gemini 3 Pro基本持平，但仍落后于Claude Opus 4.5。",
     ["gemini", "claude"]),
    # a clause with a model of its own is another claim's business, not this one's rival
    ("Qwen3.7-Max scored 75.8% on SWE-bench Verified, and DeepSeek-V3.2 trails GPT-5.1.", [None]),
])
def test_a_clause_naming_only_rivals_gives_the_claim_before_them(enricher, body, rivals):
    claims = enrich_text(enricher, "Qwen3.7-Max", body).claims
    assert [(claim["subject"], claim["score"], claim["comparator"]) for claim in claims] == [
        ("qwen", 75.8, rival) for rival in rivals]


@pytest.mark.parametrize("speaker, quote, expected", [
    # reaching for a rival is choosing it
    (Speaker("Rohan Mehta", "head of AI engineering", "Kestrel Pay", "person"),
     "When code has to go to production, our team still reaches for Claude.", "negative"),
    # still to be proven
    (Speaker("Sandra Whitfield", "analyst", "Morgan Stanley", "person"),
     "T-Head still has a lot to prove on anything that involves training.", "negative"),
    (Speaker("赵宁", "负责人", "某云厂商", "person"), "不少算子需要重写，工具链和CUDA相比还是差一截。", "negative"),
    (Speaker("刘畅", "投资总监", "恒岳资本", "person"), "4800亿元的投入规模对股东回报是明显的稀释。", "negative"),
    # an insider's guidance or timetable, told without praise
    (Speaker("Toby Xu", "Chief Financial Officer", "Alibaba", "person"),
     "capital expenditure would be in the range of 160 billion to 180 billion yuan.", "neutral"),
])
def test_general_cues_of_choice_doubt_and_plans(judge, speaker, quote, expected):
    assert judge.stance(quote, speaker, {"alibaba", "t-head"}, rival_names={"claude", "anthropic"}) == expected


def test_a_paraphrased_fact_takes_no_side_but_a_direct_quote_keeps_the_prior(judge):
    analyst = Speaker("Zhang Rui", "analyst", "QuestMobile", "person")
    fact = "the app's 30-day retention stood at 41% in July."
    assert judge.stance(fact, analyst, {"alibaba", "qwen"}, quoted=False) == "neutral"
    assert judge.stance(fact, analyst, {"alibaba", "qwen"}, quoted=True) == "positive"
    # an insider too: of 36 such quotes on the pages written since page 148, writers called 31 neutral
    cfo = Speaker("Toby Xu", "chief financial officer", "Alibaba", "person")
    spending = "the company put 120 billion yuan to work across its data centres."
    assert judge.stance(spending, cfo, {"alibaba"}, quoted=False) == "neutral"
    assert judge.stance(spending, cfo, {"alibaba"}, quoted=True) == "positive"


def test_an_interview_answer_is_the_speakers_own_words(enricher):
    body = ("We spoke to Ma Lin, vice president of Alibaba Cloud, in Hangzhou.\n"
            "Q: How many customers use the platform?\n"
            "Ma: More than 290,000 companies call Qwen models through Model Studio today.")
    article = enrich_text(enricher, "Alibaba Cloud interview", body)
    assert [(quote["speaker"], quote["stance"]) for quote in article.quotes] == [("Ma Lin", "positive")]


@pytest.mark.parametrize("quote, expected", [
    # a view that opens with a condition is the outcome hoped for, unless the outcome is bad news
    ("If cloud revenue keeps growing at 30% or more, the spending pays for itself before the end of the decade.",
     "positive"),
    ("如果第三方复现的结果与官方数据接近，千问有望成为开源社区做多模态应用的默认底座。", "positive"),
    ("If Washington tightens the rules again, Alibaba will struggle to keep its data centres supplied.", "negative"),
    # two outcomes weighed
    ("If SMIC can get yields above 50 percent, T-Head has a real product. If it can't, it is an expensive press "
     "release.", "mixed"),
    # a rival alone with no judgement word is the competition doing well
    ("For a three-hour refactor we still run Claude. It keeps its place in a big codebase.", "negative"),
])
def test_conditions_and_rivals_named_alone(judge, quote, expected):
    analyst = Speaker("Priya Raman", "portfolio manager", "Aberdeen", "person")
    assert judge.stance(quote, analyst, {"alibaba", "qwen", "t-head", "千问"}, rival_names={"claude", "smic"}) == expected


@pytest.mark.parametrize("quote, expected", [
    # moving from one supplier to another is a choice, and "Qwen3.6" names Qwen
    ("the company moved its voice assistant from Llama 3.3 to the Qwen3.6 4B model last week.", "positive"),
    ("公司已经把客服业务从千问迁移到了豆包。", "negative"),
    # a "but" that leads to choosing a rival is no mixed view
    ("his team tested the Zhenwu 920 but chose Huawei's Ascend because the CANN toolchain is more mature.", "negative"),
    # "不够成熟" negates the praise; a fraction of the price is praise, not "a fraction of" the result
    ("上一代真武810E的编译工具链仍不够成熟。", "negative"),
    # going back to "our old provider", and a pronoun after a rival named as an object means the rival
    ("A cheaper price on capacity you can't get is not a discount. We moved our inference jobs back to our old "
     "provider in August,", "negative"),
    ("For tool calling we still default to Llama. It's simply more reliable, and the community support is years ahead,",
     "negative"),
    ("公司已将内部代码助手从闭源API切换到本地部署的千问4-Coder-30B，推理成本降了六成。", "positive"),
    ("测试期间集群曾两次因驱动版本不兼容导致服务中断。", "negative"),
    # a refusal outweighs what is granted before it
    ("We tested Qwen last year and the output quality was fine. But our legal team will not sign off on a Chinese "
     "provider.", "negative"),
    ("We tried Alibaba for two months and went back.", "negative"),
    ("If Alibaba keeps shipping Apache-licensed weights, it will be very hard for anyone to dislodge it.", "positive"),
    # a move to "another provider" with its origin unsaid; choosing a rival in Chinese (选用了)
    ("We ended up moving part of our traffic to another provider,", "negative"),
    ("团队对比测试后，代码代理业务仍选用了Llama，千问便宜，但准确率还差一截。", "negative"),
    # an investor selling out; a regulator's finding
    ("she had sold most of her Alibaba shares in May.", "negative"),
    ("if the figures hold up, Alibaba will have closed most of the gap with the US labs, at a fraction of their prices.",
     "positive"),
    # keeping a rival is choosing it, whatever praise comes first
    ("the new model was impressive but that he would keep using Llama for his own work.", "negative"),
    # a customer's complaint and a regulator's finding in Chinese
    ("也有用户反映智能体在订票时帮倒忙。", "negative"),
    ("部分智能体服务在未经用户明确确认的情况下完成支付，侵害了用户的知情权和选择权。", "negative"),
])
def test_switches_choices_and_negated_chinese_praise(judge, quote, expected):
    engineer = Speaker("Wang Jiaqi", "head of AI platform", "Yunfan", "person")
    assert judge.stance(quote, engineer, {"alibaba", "qwen", "t-head", "千问", "真武"},
                        rival_names={"llama", "llama 3.3", "豆包", "huawei", "ascend"}) == expected


def test_a_role_naming_the_subjects_team_makes_an_insider(judge):
    researcher = Speaker("Chen Yuxi", "product director on the Qwen team", None, "person")
    assert judge.speaker_kind(researcher, {"alibaba", "qwen"}) == INSIDER
    assert judge.stance("We built Max for developers who want frontier-level coding without paying frontier prices,",
                        researcher, {"alibaba", "qwen"}) == "positive"


def test_an_insiders_timetable_is_neutral_in_its_own_words(judge):
    cfo = Speaker("Toby Xu", "chief financial officer", "Alibaba", "person")
    for plan in ("We expect capital expenditure to stay at or above 35bn yuan a quarter until the end of the year,",
                 "We will introduce the paid tier in Indonesia and Malaysia first, then Thailand,",
                 "Volume shipments started in September, and the training part remains on schedule for early 2027,"):
        assert judge.stance(plan, cfo, {"alibaba"}) == "neutral"


@pytest.mark.parametrize("subject, rivals, quote, expected", [
    # a sentence about a rival stays about it over commas and into a sentence that opens with "It" or "它"
    ({"alibaba", "t-head", "平头哥"}, {"华为", "昇腾"}, "华为昇腾在大规模训练上的生态仍然领先，“CANN的工具链更完整，文档也更全”。",
     "negative"),
    ({"alibaba", "qwen"}, {"volcano engine", "bytedance"},
     "Volcano Engine is the one taking share at the margin right now. It is winning the big enterprise deals.", "negative"),
    ({"alibaba", "qwen"}, {"claude"}, "写复杂的工程代码，我们团队还是首选Claude，它在长任务上的稳定性目前没有对手。", "negative"),
    # a cue after the subject is the subject's, though a rival came first in the clause
    ({"alibaba", "qwen"}, {"gpt-5.1"}, "We moved our code-review bot from GPT-5.1 to Qwen last week and cut the bill by 60%,",
     "positive"),
    # a rival after a preposition or a verb of comparing is no actor: the doubt is about the subject's claim
    ({"deepseek"}, {"gpt-5.1"}, "Until the independent evaluations catch up, I'd treat parity with GPT-5.1 as a marketing claim.",
     "negative"),
    ({"alibaba", "千问"}, {"gpt-5.2"}, "第三方复现之前，‘超过GPT-5.2’这种说法需要打个问号。", "negative"),
    # a maker's name with a version is the maker ("DeepSeek-V4"), also between Chinese characters
    ({"deepseek"}, {"华为", "昇腾"}, "在华为昇腾集群上训练的DeepSeek-V4表现领先。", "positive"),
])
def test_a_cue_is_about_the_name_nearest_before_it(judge, subject, rivals, quote, expected):
    analyst = Speaker("Lin Yu", "analyst", "Jefferies", "person")
    assert judge.stance(quote, analyst, subject, rival_names=rivals) == expected


@pytest.mark.parametrize("title, body, expected", [
    ("Qwen4-Coder", "Qwen4-Coder-Plus scores 78.4 percent on SWE-bench Verified, but short of the 80.9 percent Anthropic "
     "claims for Claude Opus 4.5.", [("qwen", "SWE-bench Verified", 78.4, "claude", 80.9)]),
    ("Huawei Ascend", "In the MLPerf Inference v6.1 results published in September, a Huawei Ascend system posted 19,400 "
     "tokens per second on the Llama 2 70B test, against 23,900 for an eight-GPU Nvidia H200 machine.",
     [("huawei-ascend", "MLPerf Inference v6.1", 19400.0, "nvidia-h200", 23900.0)]),
    # ten thousands, and the rival's unit left out
    ("平头哥真武820", "在MLPerf Inference v6.0的Llama 2 70B测试中，阿里云提交的八卡真武820系统取得每秒2.41万个token的成绩，"
     "领先英伟达H200八卡系统的2.18万个。", [("t-head-ppu", "MLPerf Inference v6.0", 24100.0, "nvidia-h200", 21800.0)]),
    # 能效 compared with the rival, where 能效比 alone is a ratio
    ("平头哥真武820", "在千问推理场景中，真武820的能效比上一代真武810E提升60%。", [("t-head-ppu", None, None, "t-head-ppu", None)]),
    # a score given before any model is named, then compared with rivals, is the article's own model's
    ("Qwen3.7-Max", "Qwen3.7-Max held up under retesting. On GPQA Diamond my harness gave 81.4, which is 1.2 points "
     "behind Gemini 3 Pro and a shade ahead of Kimi K3 (80.7).",
     [("qwen", "GPQA Diamond", 81.4, "gemini", None), ("qwen", "GPQA Diamond", 81.4, "kimi", 80.7)]),
    # ... but not a score nobody is credited with, nor a day of a month
    ("Qwen3.7-Max", "Qwen3.7-Max was released. Critics say a 92 on AIME tells you less than it did a year ago.", []),
    ("Kimi K3", "The setup is the one I used for the Kimi K3 post: LiveCodeBench v6 problems published after May 1.", []),
    # a bare version a few words after its maker is the maker's model, and a heading's "How" is no name
    ("DeepSeek V4", "How V4 stacks up\n\nDeepSeek's technical report puts V4 at 83.1% on SWE-bench Verified.",
     [("deepseek", "SWE-bench Verified", 83.1, None, None)]),
    # scores listed after a colon, each benchmark then its number
    ("Qwen3.7-Max", "Qwen3.7-Max is out. Other headline numbers from the report: BrowseComp 67.9; LiveCodeBench v6 84.2.",
     [("qwen", "BrowseComp", 67.9, None, None), ("qwen", "LiveCodeBench v6", 84.2, None, None)]),
    # an average, a threshold, a margin, milliseconds and a chip's model number are no scores
    ("千问3.7-Omni", "千问3.7-Omni在OCRBench上拿到912分，是参评模型中唯一超过900分的；全部上榜模型的平均分为1218分。",
     [("qwen", "OCRBench", 912.0, None, None)]),
    ("千问3.6-VL", "千问3.6-VL的MathVista成绩为85.1，较上一代提升近5分，语音响应延迟为230毫秒。",
     [("qwen", "MathVista", 85.1, None, None)]),
    ("T-Head Zhenwu", "MLCommons published the results of MLPerf Inference v6.1, and among the submitters was Alibaba "
     "Cloud, which entered servers built on the Zhenwu 830.", []),
    # a benchmark whose results were not published gives the next sentence no score
    ("千问3.6-VL", "千问3.6-VL发布。此外，阿里此次没有公布MMMU-Pro成绩。效率方面，千问3.6-VL的吞吐量是上一代的1.8倍；"
     "32B版本在单张H20上的生成速度可达每秒115个Token。", [("qwen", None, 1.8, "上一代", None)]),
    # a running comparison after "That also edges out"; list rows with a qualifier before their colon; a margin
    ("Qwen3.7-Max-Thinking", "Alibaba says Qwen3.7-Max-Thinking scored 92.4 on AIME 2026, up from 85.7 for "
     "Qwen3-Max-Thinking. That also edges out OpenAI's GPT-5.1, which Alibaba lists at 91.0 on the same test.\n\n"
     "Humanity's Last Exam, without tools: 31.7%\n\nSWE-bench Verified (fixing real GitHub issues): 72.5\n\n"
     "The model comes within 1.5 points of GPT-5.2 on Humanity's Last Exam, where it scores 38.7.",
     [("qwen", "AIME 2026", 92.4, "qwen", 85.7), ("qwen", "AIME 2026", 92.4, "gpt-5", 91.0),
      ("qwen", "Humanity's Last Exam", 31.7, None, None), ("qwen", "SWE-bench Verified", 72.5, None, None),
      ("qwen", "Humanity's Last Exam", 38.7, None, None)]),
    # "the headline number" is the article's model's; a share of a rival's figure is no score
    ("GLM-5.5", "Zhipu released GLM-5.5. The headline number is 77.8 percent on SWE-bench Verified.",
     [("glm", "SWE-bench Verified", 77.8, None, None)]),
    ("Kunlun M100", "An eight-chip Kunlun M100 system posted 21,900 tokens per second in MLPerf Inference v6.0, about "
     "62% of the figure an eight-GPU Nvidia H200 system recorded.", [("kunlun", "MLPerf Inference v6.0", 21900.0, None, None)]),
    # a benchmark the gazetteer does not know, after a descriptor: 在金融评测集FinEval上
    ("千问3.7-Max", "千问3.7-Max在金融评测集FinEval上取得86.3分，超过DeepSeek-V3.2的83.9分。",
     [("qwen", "FinEval", 86.3, "deepseek-v3", 83.9)]),
    # a rival "trailing at" its own score; a speed beside another benchmark, a chip's "8" and "Gen 5", and a
    # threshold ("has yet cleared 40") are no scores
    ("Qwen4-Coder", "Qwen4-Coder is out. It posted 81.5 on Aider Polyglot, with Google's Gemini 3 Pro trailing at 78.9.\n\n"
     "Xiaomi says MiMo-V2-Flash posts 61.2 on LiveCodeBench v6 and generates about 38 tokens per second on a handset "
     "with Qualcomm's Snapdragon 8 Elite Gen 5.\n\nOn Humanity's Last Exam, a test on which no open model has yet "
     "cleared 40, Qwen4-Coder scored 31.0.",
     [("qwen", "Aider Polyglot", 81.5, "gemini", 78.9), ("MiMo-V2-Flash", "LiveCodeBench v6", 61.2, None, None),
      ("qwen", "Humanity's Last Exam", 31.0, None, None)]),
    # "the 69.6% that Qwen3-Max managed" is the predecessor's; "for the Plus model" is the subject's own
    ("Qwen4-Max-Thinking", "Qwen4-Max-Thinking resolved 74.8% of the tasks in SWE-bench Verified, well clear of the "
     "69.6% that Qwen3-Max managed last year.\n\nTerminal-Bench 2.0 is where the new model looks strongest: Alibaba "
     "reports 47.3 for the Plus model, 3.1 points clear of DeepSeek-V3.2.",
     [("qwen", "SWE-bench Verified", 74.8, "qwen", 69.6), ("qwen", "Terminal-Bench 2.0", 47.3, "deepseek-v3", None)]),
    # an unlisted benchmark after a descriptor ending in 评测, and a margin over a rival named with 的
    ("千问3.6-Plus", "据阿里云披露，千问3.6-Plus在东南亚语言评测SeaExam上得分为76.3，领先新加坡的SEA-LION约5分。",
     [("qwen", "SeaExam", 76.3, None, None)]),
    # an evaluation group named like a product is no model
    ("Qwen3.7-Max", "Dana Whitfield, who runs the evaluation group EvalWorks, said her team's re-run of SWE-bench "
     "Verified came in at 76.9.", []),
])
def test_rival_scores_a_maker_claims_and_chinese_throughputs(enricher, title, body, expected):
    claims = enrich_text(enricher, title, body).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"], claim["comparator_score"])
            for claim in claims] == expected


@pytest.mark.parametrize("speaker, quote, expected", [
    # a rule stated for everyone, negative words and all, names no one it is aimed at
    (Speaker("刘国栋", "副局长", "市场监管局", "person"),
     "平台企业开展补贴活动应当遵守反不正当竞争法，不得以低于成本的价格排挤竞争对手。", "neutral"),
    # a rival's executive talking up its own business is bad news for the subject
    (Speaker("Lin Hao", "vice president", "Tencent", "person"),
     "We don't need to pay people to open Yuanbao; they are already inside WeChat.", "negative"),
    # going back to a rival is choosing it
    (Speaker("Rafael Ortiz", "software engineer", "Cobalto", "person"),
     "We moved our scheduling agent back to DeepSeek last month.", "negative"),
    # praise, then "the hard part": both sides
    (Speaker("Tom Brennan", "CTO", "Quarrystone", "person"),
     "The models are great. Buying them from Alibaba Cloud is the hard part.", "mixed"),
])
def test_rules_for_everyone_rivals_executives_and_going_back(judge, speaker, quote, expected):
    assert judge.stance(quote, speaker, {"alibaba", "qwen", "阿里"},
                        rival_names={"tencent", "deepseek", "yuanbao"}) == expected


def test_the_writers_but_between_two_pieces_of_a_quote_is_kept(enricher):
    body = ('Nina Caldwell, a senior fellow at CSIS, called the Qwen models "technically impressive" but said '
            "regulators were right to ask who controls updates to software running inside U.S. companies.")
    [quote] = enrich_text(enricher, "Qwen review", body).quotes
    assert quote["text"].startswith("technically impressive but regulators")
    assert quote["stance"] == "mixed"


def test_a_but_opening_the_next_sentence_of_a_paraphrase_is_kept(enricher):
    body = ('Ahmad Faizal, head of AI platforms at CelcomDigi, said answers in Bahasa Malaysia were "good enough to go '
            'live". But he added that latency from the Kuala Lumpur region spikes at peak hours.')
    [quote] = enrich_text(enricher, "Qwen in Malaysia", body).quotes
    assert quote["stance"] == "mixed"


@pytest.mark.parametrize("body, expected", [
    # the writer's verb takes the side the words leave open
    ("北京用户王磊则在社交平台上抱怨，千问两次把他的打车起点定位到了小区另一侧的门口。", "negative"),
    # a move to the subject with its origin unsaid
    ("杭州某电商公司CTO黄涛表示，公司已把客服切换到Qwen4-35B-A3B，迁移只花了两天。", "positive"),
])
def test_chinese_complaints_and_moves(enricher, body, expected):
    [quote] = enrich_text(enricher, "千问新闻", body, "zh").quotes
    assert quote["stance"] == expected


def test_a_rival_speaking_of_its_own_product_alone_is_bad_news_for_the_subject(enricher):
    body = ("Alibaba Cloud cut prices in Japan on Tuesday.\n"
            '"Our customers choose Azure for trust, security and the breadth of our services in Japan," a Microsoft '
            "Japan spokesperson said.")
    [quote] = enrich_text(enricher, "Alibaba Cloud cuts prices in Japan", body).quotes
    assert (quote["speaker"], quote["stance"]) == ("Microsoft Japan", "negative")


@pytest.mark.parametrize("speaker, quote, expected", [
    # a rival's "our" is the rival: customers choosing it are bad news, its compliance is no view
    (Speaker("Nvidia", "spokesperson", "Nvidia", "org"), "Chinese developers still choose our platform wherever they "
     "are allowed to,", "negative"),
    (Speaker("Nvidia", "spokesperson", "Nvidia", "org"), "We continue to comply with U.S. export regulations and "
     "compete for every customer we are permitted to serve.", "neutral"),
    # still keeping a rival's chips for what matters
    (Speaker("Sun Hao", "head of infrastructure", "Yunqi", "person"), "The compiler is where we lose our weekends, "
     "and we still keep our H20s for anything latency-sensitive,", "negative"),
    (Speaker("赵一鸣", "开发者", None, "person"), "写代码还可以，真要做Agent，我目前还是会选Claude。", "negative"),
    # a price-to-value judgement negated after it, and "the harder test" ahead
    (Speaker("刘峥", "合伙人", None, "person"), "估值修复基本到位，在这个位置追高的性价比不高。", "negative"),
    (Speaker("Grace Lu", "research director", "IDC", "person"), "Qwen3.6 is a strong release. The harder test will "
     "be turning thousands of enterprise pilots into recurring revenue,", "mixed"),
    # a company saying what is and is not available, or where a model is listed, takes no side
    (Speaker("Alibaba", "spokesperson", "Alibaba", "org"), "The Qwen app is not currently available in the U.S. App "
     "Store, and we have no timeline to share,", "neutral"),
    (Speaker("阿里云", "相关负责人", "阿里云", "org"), "新模型已同步上架阿里云百炼平台，调用价格与上一代保持一致。", "neutral"),
    # a hedge of timing before "but" leaves the view after it; "however clever" concedes; "the test is public" is no
    # contrast; a rival choosing itself after an adjective ("the full Nvidia platform")
    (Speaker("Sanjay Bhatia", "partner", "Strategy&", "person"), "It's early days, but if the Arabic model holds up, "
     "Alibaba has a real chance with mid-sized firms,", "positive"),
    (Speaker("Lin Jiaqi", "technical lead on the Qwen team", "Alibaba", "person"), "We trained it to finish the job. "
     "An agent that gives up after forty steps is useless, however clever its first answer.", "positive"),
    (Speaker("Owen Park", "assistant professor", "HKUST", "person"), "FinEval alone proves little. The test is public "
     "and has almost certainly leaked into training data,", "negative"),
    (Speaker("Nvidia", None, "Nvidia", "org"), "single benchmark results rarely reflect what customers experience, "
     "which is why they continue to choose the full Nvidia platform.", "negative"),
    # data that will not be trusted to the subject; founders who start with a rival; months lost porting; an
    # insider's milestone
    (Speaker("Mark Halvorsen", "chief information officer", "Midwest Bank", "person"), "It doesn't matter how well "
     "it scores. No board in this country is going to sign off on a Chinese model touching customer data,", "negative"),
    (Speaker("Julia Brenner", "researcher", "MERICS", "person"), "The benchmark numbers are Alibaba's own, and open "
     "weights do not answer the question of where data goes,", "negative"),
    (Speaker("Li Mingzhe", "partner", "Shanghai Ventures", "person"), "When our founders pick a base model, most still "
     "start with Claude, because it is easier to fine-tune,", "negative"),
    (Speaker("邓晖", "负责人", "某创业公司", "person"), "算子适配花了我们将近两个月，很多开源框架的新版本要等很久才支持。", "negative"),
    (Speaker("戴文斌", "负责人", "阿里云", "person"), "这标志着我们已经有能力用自己的芯片训练千亿参数级别的大模型。", "positive"),
    # a rival's courtesy before its "but" is no praise; relying on a rival is a choice; a user's complaints
    (Speaker("Farid Osman", "head of product", "YTL AI Labs", "person"), "We welcome competition, but a model built "
     "in Hangzhou will always be a guest here.", "negative"),
    (Speaker("陈立", "维护者", None, "person"), "在复杂的多文件重构任务中，他仍然更依赖Claude Sonnet 4.5。", "negative"),
    (Speaker("陈晓", "产品经理", None, "person"), "千问App在识别手写表格时经常漏行，还得自己再核对一遍。", "negative"),
    # a customer pausing deployments; a customer that will not take the risk; not the only choice
    (Speaker("Priya Raman", None, None, "person"), "her company was pausing new deployments on Alibaba Cloud until the "
     "scope of the rules is clear.", "negative"),
    (Speaker("刘畅", "分析师", None, "person"), "对价格敏感的中小企业来说，千问并不是唯一选择，甚至未必是首选。", "negative"),
    # Chinese: worse than the cloud version, a nice-to-have, costs still high; what matters to a start-up
    (Speaker("刘畅", "用户", None, "person"), "离线模式下回答复杂问题时质量明显不如云端版本。", "negative"),
    (Speaker("郭宇", "研究经理", "IDC", "person"), "端侧模型目前更多是锦上添花，消费者不会因此提前换电脑。", "negative"),
    (Speaker("许洁", "创始人", "杭州某初创公司", "person"), "现在当天就能开通，对我们这样的初创公司太重要了。", "positive"),
    (Speaker("王明", "分析师", "某券商", "person"), "千问App的推理成本依然很高，盈利仍需时日。", "negative"),
])
def test_rivals_own_words_keeping_a_rival_and_availability_statements(judge, speaker, quote, expected):
    assert judge.stance(quote, speaker, {"alibaba", "alibaba cloud", "qwen", "阿里", "阿里云", "千问"},
                        rival_names={"nvidia", "h20", "h20s", "claude"}) == expected


@pytest.mark.parametrize("subject, quote, expected", [
    # adopting the subject; another name kept after trying the subject; the subject's own choice is no rival's
    ({"qwen", "alibaba"}, "most start-ups in his portfolio that build on Chinese open models have adopted Qwen because "
     "of its permissive licence.", "positive"),
    ({"qwen", "alibaba"}, "his team tested Qwen3.5-TH but stayed with Typhoon, the Thai model developed by SCB 10X.",
     "negative"),
    ({"tencent"}, "Tencent was making a smart bet by staying with Ethernet.", "positive"),
    # the trial and the choice in two sentences of one quote; training that "stays on" a rival
    ({"qwen", "alibaba"}, "her team compared Qwen3.5-Arabic with Jais 2 on contract drafting. We are staying with Jais "
     "for now,", "negative"),
    ({"qwen", "alibaba"}, "We lose days every month to compiler bugs. Until that is fixed, our training stays on Nvidia,",
     "negative"),
    # a bad measure cut, even a few words apart, is good news; doubts over a benchmark are not
    ({"qwen", "alibaba"}, "it had cut her company's AI bill by 60%.", "positive"),
    ({"qwen", "alibaba"}, "the model had cut false positives in its anti-fraud checks by a third.", "positive"),
    ({"qwen", "alibaba"}, "Scores published by the developer itself say little about real public-sector work,",
     "negative"),
    # a supplier's refusal; a price-performance "hard to beat"
    ({"t-head", "alibaba"}, "We have received inquiries, but we will not take any order that puts our relationships "
     "with US customers at risk,", "negative"),
    ({"qwen", "alibaba"}, "more startups will prototype on Qwen this year because the price-performance is hard to beat.",
     "positive"),
    # a move to the subject settles a tie of cues
    ({"真武", "平头哥", "阿里"}, "公司将部分感知模型的推理任务迁移到真武830实例后，单位Token成本下降约35%，适配工作比我们想象的要少。",
     "positive"),
])
def test_adoption_refusal_and_choices_after_a_trial(judge, subject, quote, expected):
    customer = Speaker("Thanawat Boonmee", "founder", "RouteWise", "person")
    assert judge.stance(quote, customer, subject, rival_names={"nvidia"}) == expected


def test_a_conditional_outcome_with_no_cue_goes_the_way_the_writer_leads(enricher):
    body = ('Alibaba is putting Qwen agents into Taobao. Merchants are less sure. "If the agent decides which shop gets '
            'the order, we will end up paying for placement twice," said Zhou Min, who runs a tea shop in Hangzhou.')
    [quote] = enrich_text(enricher, "Alibaba Qwen agents", body).quotes
    assert quote["stance"] == "negative"


def test_a_paraphrase_with_a_quotation_in_it_keeps_the_speakers_prior(enricher):
    body = ("Alibaba's Qwen app now routes food orders.\n"
            "Chen Meiling, a restaurant owner in Hangzhou, said orders arriving through Qwen now make up 15% of her "
            "delivery business. \"I didn't do anything. They just started coming,\" she said.")
    quotes = enrich_text(enricher, "Qwen app orders", body).quotes
    assert [(quote["speaker"], quote["stance"]) for quote in quotes] == [("Chen Meiling", "positive")]


@pytest.mark.parametrize("title, body, expected", [
    # scores heading the items of a list, with no model named: the article's
    ("GLM-5", "Zhipu released GLM-5 on Tuesday. The rest of the spec sheet reads like a wish list: 95.1 on AIME 2026; "
     "86.0 on GPQA Diamond.", [("glm", "AIME 2026", 95.1, None, None), ("glm", "GPQA Diamond", 86.0, None, None)]),
    # "it" after the cue is the article's model
    ("GLM-5", "Zhipu released GLM-5 on Tuesday. DeepSeek-V3.2 still beats it on BrowseComp, by a few points.",
     [("deepseek-v3", None, None, "glm", None)]),
    # the predecessor's score after 较上一代的
    ("千问3.6", "千问3.6-Plus在AIME 2026上的得分为89.5，较上一代的81.3分明显提升。",
     [("qwen", "AIME 2026", 89.5, "上一代", 81.3)]),
    # a rank is no list item
    ("Qwen", "Qwen3.6-Max ranked No. 3 on the LMArena text leaderboard.", []),
    # "That’s" (a curly apostrophe) is the last claim, measured against each rival
    ("GLM-5", "GLM-5 scored 77.8 percent on SWE-bench Verified. That’s a hair behind Claude Opus 4.5, which posted 80.9 "
     "percent, but ahead of GPT-5.1 at 76.3 percent.", [("glm", "SWE-bench Verified", 77.8, "claude", 80.9),
                                                       ("glm", "SWE-bench Verified", 77.8, "gpt-5", 76.3)]),
])
def test_list_items_object_pronouns_and_a_predecessors_score(enricher, title, body, expected):
    claims = enrich_text(enricher, title, body).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"], claim["comparator_score"])
            for claim in claims] == expected


@pytest.mark.parametrize("speaker, quote, expected", [
    (Speaker("冯琳", "分析师", "某券商", "person"), "从风险收益比看，我们目前更偏好腾讯。", "negative"),
    (Speaker("Danielle Brooks", "customer", "Relaydesk", "person"), "It answers instantly, and it answers wrong.",
     "negative"),
    (Speaker("Guo Ruiqi", "head of AI infrastructure", "Xpeng", "person"),
     "The hardware is fine. The pain is porting our code.", "mixed"),
    (Speaker("徐宏", "首席财务官", "阿里巴巴", "person"), "预计下一季度资本开支将维持在相近水平。", "neutral"),
])
def test_preferences_wrong_answers_pain_points_and_guidance(judge, speaker, quote, expected):
    assert judge.stance(quote, speaker, {"alibaba", "阿里巴巴", "阿里"}, rival_names={"腾讯", "tencent"}) == expected


@pytest.mark.parametrize("title, body, expected", [
    # a test the gazetteer does not list, named as one, is no model
    ("T-Head Zhenwu 920", "The Zhenwu 920 posted 21,480 tokens per second in MLPerf Inference v6.1. The T-Head system "
     "also ran the DLRMv2 recommendation test, where it matched the H200 system almost exactly.",
     [("t-head-ppu", "MLPerf Inference v6.1", 21480.0, None), ("t-head-ppu", None, None, "nvidia-h200")]),
    # a margin before the rival, no score of its own
    ("MiniMax", "MiniMax-M3.5 came in 3.1 points ahead of Alibaba Group's Qwen3.6-Max on the coding test.",
     [("minimax-models", None, None, "qwen")]),
    # behind a rival with no score: the one ahead is the subject
    ("T-Head", "He estimates the Zhenwu PPU already trails Nvidia's H200 by about a generation.",
     [("nvidia-h200", None, None, "t-head-ppu")]),
    # a long rival name before 基本持平, and a vague 较上一代有明显提升 is no comparison
    ("阿里发布千问新模型", "阿里云称，Qwen4.5-Max的表现较上一代有明显提升。Qwen4.5-Max在LiveCodeBench v6上则与Claude Opus 4.5基本持平。",
     [("qwen", None, None, "claude")]),
])
def test_unlisted_tests_margins_and_rivals_ahead(enricher, title, body, expected):
    claims = enrich_text(enricher, title, body).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"]) for claim in claims] == expected


@pytest.mark.parametrize("quote, expected", [
    ("The international endpoint started throttling our batch jobs within minutes.", "negative"),
    ("The model invented invoice totals in about 3 percent of the documents.", "negative"),
    ("售后工单的平均处理时长缩短了40%。", "positive"),   # a bad measure going down
    ("如果补贴能换来商家的长期留存，这10亿元花得值。", "positive"),
    # a longer positive phrase wins over the negative cue inside it
    ("The cloud unit now breaks even.", "positive"),
    ("There is nothing wrong with its tool calling.", "positive"),
])
def test_complaints_and_savings_in_customers_words(judge, quote, expected):
    customer = Speaker("Tom Reyes", "backend engineer", "Shopwise", "person")
    assert judge.stance(quote, customer, {"alibaba", "qwen", "千问"}) == expected


@pytest.mark.parametrize("title, body, expected", [
    # a product the gazetteer does not know keeps its full name when shortened, and so does its named predecessor
    ("Moore Threads MTT S6000", "Moore Threads unveiled the MTT S6000 on Wednesday. The company said the S6000 delivers "
     "1.8 times the computing power of its predecessor, the MTT S5000.", [("MTT S6000", None, 1.8, "MTT S5000")]),
    # what the test ran is the setting, not the subject
    ("Moore Threads MTT S6000", "Moore Threads unveiled the MTT S6000. Running DeepSeek-V3.2, a single S6000 generated "
     "2.1 times as many tokens per second as Nvidia's H20.", [("MTT S6000", None, 2.1, "nvidia-h20")]),
    # the maker's model card speaks of its model; "for the model" is the subject's own score
    ("Qwen4-Coder", "Alibaba released Qwen4-Coder. Alibaba's model card lists 76.4 percent on SWE-bench Verified.",
     [("qwen", "SWE-bench Verified", 76.4, None)]),
    ("Qwen3.6-Plus", "Alibaba released Qwen3.6-Plus. On Tau2-Bench, Alibaba lists 78.2% for the model (Claude Sonnet "
     "4.6: 80.1%).", [("qwen", "Tau2-Bench", 78.2, "claude")]),
])
def test_unknown_products_settings_and_model_cards(enricher, title, body, expected):
    claims = enrich_text(enricher, title, body).claims
    assert [(claim["subject"], claim["benchmark"], claim["score"], claim["comparator"]) for claim in claims] == expected
