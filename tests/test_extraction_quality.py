"""Extraction quality: the scorer (bench/extraction_scores.py) on the whole labelled dev set must stay
at or above each field's floor, set a little below what the rules reach, so a change that costs
quality fails here. Then one example per shape the rules know (quote attribution, claims, counts),
and the stance rules on independently written quotes (tests/data/stance/quotes.yaml).

A floor is raised when the extractors get better, never lowered to let a change through: rerun
`.venv/bin/python -m bench.extraction_scores --split tune|check` and look at `--show-errors FIELD`."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.extraction_scores import enrich_items, load_items, score
from config import DATA_DIR
from config.settings import Settings, Topic
from extractors.enrich import Enricher
from extractors.speakers import Speaker
from extractors.stance import StanceJudge
from pipeline.extract import article_from_text

# F1 on all 90 items when the floors were set: money .995, percent .989, counts .975, performance 1.0,
# claims .956, quote speakers .989, categories .950, relevance 1.0; stance accuracy .833 (132 quotes).
# Stance after the general lexicons and trend cues: .884 on the tune split (121 quotes, was .860) and
# .950 on tests/data/stance/quotes.yaml (60 quotes, was .900); STANCE_FLOOR on all 90 items stays
# at .81, which the tune split alone guarantees (107 of 132 right even if every check quote failed).
# Stance after the factual/plan cues, official praise, hedges and the wider lexicon: .893 on the
# tune split (108 of 121, was .884), .967 on quotes.yaml (58 of 60, was .950), so OWN_STANCE_FLOOR
# rises to .95. On tests/data/stance/check.yaml, written blind to the rules, it went from .50 to .86
# on the half used for tuning (1-50) but only from .64 to .68 on the held-out half (51-100): read
# that figure, not the tuned ones, as the rules' real accuracy on unseen quotes.
# Claims reach 46 of 46 on the dev set; the floor sits above one miss (.978), which a page fix once cost unnoticed.
FLOORS = {"money": 0.98, "percent": 0.97, "counts": 0.96, "performance": 0.95, "claims": 0.98,
          "quote_speakers": 0.97, "categories": 0.94, "relevance": 0.99}
STANCE_FLOOR = 0.81
OWN_STANCE_FLOOR = 0.95
STANCE_QUOTES = Path(__file__).parent / "data" / "stance" / "quotes.yaml"


@pytest.fixture(scope="module")
def tally():
    items = load_items()
    return score(enrich_items(items), items)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_stays_above_its_floor(tally, field):
    precision, recall, f1 = tally.scores(field)
    missed = [(item, gold, found) for item, gold, found in tally.errors[field]][:5]
    assert f1 >= FLOORS[field], f"{field}: F1 {f1:.3f} (P {precision:.3f} R {recall:.3f}) < {FLOORS[field]}: {missed}"


def test_stance_accuracy_stays_above_its_floor(tally):
    accuracy = tally.stance["right"] / tally.stance["matched"]
    assert tally.stance["matched"] >= 120 and accuracy >= STANCE_FLOOR, accuracy


def test_stance_rules_on_independent_quotes():
    judge = StanceJudge(yaml.safe_load((DATA_DIR / "quotes.yaml").read_text(encoding="utf-8"))["stance"])
    quotes = yaml.safe_load(STANCE_QUOTES.read_text(encoding="utf-8"))["quotes"]
    wrong = []
    for quote in quotes:
        speaker = quote["speaker"]
        kind = "org" if speaker["name"] == speaker.get("org") else "person"
        names = {quote["subject"].lower(), quote["subject"].split()[0].lower()}
        speaking = Speaker(speaker["name"], speaker.get("role"), speaker.get("org"), kind)
        found = judge.stance(quote["text"], speaking, names)
        if found != quote["stance"]:
            wrong.append((quote["text"][:60], quote["stance"], found))
    assert 1 - len(wrong) / len(quotes) >= OWN_STANCE_FLOOR, wrong


@pytest.fixture(scope="module")
def enricher():
    return Enricher(Settings(topics=[Topic(name="alibaba-ai", entities=["alibaba", "alibaba-cloud", "qwen", "t-head"],
                                           keywords=["Tongyi Qianwen"])]))


def enrich(enricher, body: str, title: str = "Alibaba news"):
    return enricher.enrich([article_from_text(f"{title}\n{body}", "https://example.com/q", "2026-11-28T00:00:00Z")])[0]


QUOTES = [  # body, [(speaker, role, org)] in order
    ('"The chip is good," said Amy Chen of Bernstein. "But software lags," said Tom Lee, a partner at Fundstrat.',
     [("Amy Chen", None, "Bernstein"), ("Tom Lee", "partner", "Fundstrat")]),
    ("Speaking in Shenzhen on Tuesday, Pony Ma said Tencent would double its AI spending.", [("Pony Ma", None, None)]),
    ("The company's chief executive, Eddie Wu, said the plan was on track.",
     [("Eddie Wu", "company's chief executive", None)]),
    ("In a note to clients, Morgan Stanley analyst Gary Yu wrote that the stock could rally.",
     [("Gary Yu", "analyst", "Morgan Stanley")]),
    ('"We want every household to try it," an Alibaba spokesperson said.', [("Alibaba", "spokesperson", "Alibaba")]),
    ("According to Li Wei, a strategist at CLSA, the rally has further to run.", [("Li Wei", "strategist", "CLSA")]),
    ('Jane Liu, an analyst at Morningstar, said the deal was cheap.\n"It could go higher," she said.',
     [("Jane Liu", "analyst", "Morningstar"), ("Jane Liu", "analyst", "Morningstar")]),
    ('President Martin Lau told analysts that demand was rising. "We are disciplined," Lau said. He added that costs '
     'would fall.', [("Martin Lau", "President", None), ("Martin Lau", "President", None)]),
    ('Nvidia has opposed the measure, saying its chips contain no "backdoors".', [("Nvidia", None, "Nvidia")]),
    ("Analysts at Citi said margins would recover. A person familiar with the matter said talks stalled.", []),
    ('"Rallies fade," a Hong Kong-based fund manager said, asking not to be named.', []),
    ("Alibaba said on Monday it would invest more. T-Head said the PPU is faster.", []),
    ('"The 380 billion yuan is a floor.\n"Investment in AI comes first," Wu said.\n'
     'Alibaba chief executive Eddie Wu spoke.',
     [("Eddie Wu", "chief executive", "Alibaba")]),
    ("Ma: More than 290,000 customers use Qwen.\nQ: Is that sustainable?\nMa: Yes.\nWe spoke to Ma Lin at Alibaba.",
     [("Ma Lin", None, None), ("Ma Lin", None, None)]),
    # "she" is the person who opens the sentence before, not the last speaker
    ('"I could not be prouder," said Chan Wai-ling, a principal.\nHelen Yip, who studies assessment at HKU, has a '
     'harsher view. "The gains fade within a year," she said.',
     [("Chan Wai-ling", "principal", None), ("Helen Yip", None, None)]),
    # a title's full stop does not end the name
    ('"We are glad," said Dr. Nur Aisyah Rahman, Director of Model Evaluation at AI Singapore.',
     [("Nur Aisyah Rahman", "Director of Model Evaluation", "AI Singapore")]),
    ('"Every H200 will train their models," said Rep. Mark Hollis, a member of the House Select Committee.',
     [("Mark Hollis", "member", "House Select Committee")]),
    # a person introduced by "For X, ..." is whom 'he said' means; a sentence may end inside brackets
    ('"We win on price," said Grace Liang, a vice president at Alibaba Cloud.\nFor Arief Santoso, chief technology '
     'officer at Pasarku, the math was simple. "Our bill fell 58%," he said.',
     [("Grace Liang", "vice president", "Alibaba Cloud"), ("Arief Santoso", "chief technology officer", "Pasarku")]),
    ('(For context, the top score was 61.5 percent.) Daniel Kessler, a researcher at Princeton, told The Verge that his '
     'team would "evaluate it like any other submission."', [("Daniel Kessler", "researcher", "Princeton")]),
    # a bulleted line; an analyst named after the bank that writes
    ('- Rachel Ong, a senior analyst at Counterpoint Research, said Doubao still has more users and that its reach '
     '"is an advantage Alibaba simply can\'t buy."', [("Rachel Ong", "senior analyst", "Counterpoint Research")]),
    ('Bernstein analyst Kevin Marsh cut his target to $150, writing that capex "will eat most of the free cash flow."',
     [("Kevin Marsh", "analyst", "Bernstein")]),
    # a person who opens the sentence after a bank and a role is whom a later 'she' means
    ('"Margins will recover," said Rajiv Menon of Lion Rock Capital.\nBernstein analyst Lina Zhao expects margins to '
     'trough this year. But she warned that a price war "could push that recovery out by a year".',
     [("Rajiv Menon", None, "Lion Rock Capital"), ("Lina Zhao", "analyst", "Bernstein")]),
    # the name before a relative clause is the subject, whatever the clause names
    ('SMIC, which also makes chips for rivals including Cambricon and T-Head, Alibaba\'s chip unit, said in a '
     'statement that it "does not comment on individual customers."', [("SMIC", None, "SMIC")]),
    # the role is the first apposition, whatever description follows it
    ("Priya Raman, chief technology officer of Kargo Lane, a Singapore logistics start-up, said her team moved its "
     "chatbot from Llama to Qwen.", [("Priya Raman", "chief technology officer", "Kargo Lane")]),
    # a colon after the subject's sentence opens its quotation, even when spaCy took the name for a firm; a
    # quotation after a colon that follows nobody is no one's
    ('An Nvidia spokesperson said, "We comply with export rules." Marcus Feld, a hardware analyst at Bernstein, was '
     'more upbeat: "If T-Head keeps its foundry access, Alibaba wins."',
     [("Nvidia", "spokesperson", "Nvidia"), ("Marcus Feld", "hardware analyst", "Bernstein")]),
    ('Analysts were divided. The verdict of the market was blunt: "a costly bet."', []),
    # ", saying" reports a person's words
    ("Not everyone is convinced. Daiwa analyst Jun Kato downgraded the stock last week, saying agent usage was "
     "growing but Tencent was monetising it faster.", [("Jun Kato", "analyst", "Daiwa")]),
    # 'he said' is the senator who opens the sentence before, title and all, not the last speaker
    ('"We back the review," said Tom Becker, a trade lawyer at Akin Gump.\nSen. Luis Ortega (D-N.M.) struck a more '
     'cautious tone. "Banning open weights would hurt researchers," he said.',
     [("Tom Becker", "trade lawyer", "Akin Gump"), ("Luis Ortega", None, None)]),
    # a surname spaCy tags as a firm is the person already named
    ('"Japanese companies want choice, and they want predictable bills," Aya Fujisawa, general manager of Alibaba '
     'Cloud Japan, told reporters.\nFujisawa said Alibaba Cloud would add a second availability zone in Osaka.',
     [("Aya Fujisawa", "general manager", "Alibaba Cloud Japan")] * 2),
]


@pytest.mark.parametrize("body, expected", QUOTES)
def test_quote_attribution_shapes(enricher, body, expected):
    quotes = enrich(enricher, body).quotes
    assert [(quote["speaker"], quote["role"], quote["org"]) for quote in quotes] == expected


CHINESE_QUOTES = [
    ("晨星分析师陈子琪称,大规模投入将压制利润率。", [("陈子琪", "分析师", "晨星")]),
    ("阿里巴巴集团首席执行官吴泳铭周三在杭州表示,投入计划正在加速。\n吴泳铭还透露,PPU芯片已规模化部署。",
     [("吴泳铭", "首席执行官", "阿里巴巴集团"), ("吴泳铭", "首席执行官", "阿里巴巴集团")]),
    ("首席财务官徐宏在电话会上称,公司回购了股份。他表示,首要任务是AI投资。", [("徐宏", "首席财务官", None)]),
    ("阿里巴巴发言人表示:“千问App的目标是成为第一入口。”", [("阿里巴巴", "发言人", "阿里巴巴")]),
    ("乌兰察布市副市长高建军在投产仪式上介绍，全市数据中心服务器装机能力超过150万台。", [("高建军", "副市长", None)]),
    ("中国信息通信研究院人工智能研究所工程师刘洋表示，各家公布的成绩需要复测。", [("刘洋", "工程师", None)]),
    ("晨星研究经理何静称，文心在政企市场有渠道优势。", [("何静", "研究经理", "晨星")]),
    ("招商银行信息技术部总经理助理刘洋表示，该行已接入GLM系列模型。", [("刘洋", "总经理助理", None)]),
    ("“需求不是问题,”一位国内云厂商的采购负责人说。花旗分析师称,亏损将拖累利润。", []),
    # a resident, a trader, a student; a month between the name and the verb
    ("家住仁和街道的居民沈国强说：“晚上风机声音也不小。”", [("沈国强", "居民", None)]),
    ("北京一所高校的研究生陈思远称，报告中有几处引用已经打不开。", [("陈思远", "研究生", None)]),
    ("阿里巴巴集团CEO吴泳铭今年2月曾表示，投入将超过3800亿元。", [("吴泳铭", "CEO", "阿里巴巴集团")]),
    # transliterated foreign names, later by surname; people quoted for their experience
    ("美国战略与国际研究中心研究员马克·贝内特则认为，出口管制没能阻止中国模型的进步。", [("马克·贝内特", "研究员", None)]),
    ("独立开发者詹姆斯·卡特在社交平台上写道：“测试分数很漂亮。”\n卡特还表示，他更信任Claude。",
     [("詹姆斯·卡特", "开发者", None)] * 2),
    ("成都市民李婷婷称，智能体下错了车次。", [("李婷婷", "市民", None)]),
    # organisations with their quotation; a provincial office keeps its province; an unnamed 相关负责人 speaks
    # for the company; an organisation's words without quotation marks are no quote
    ("摩根士丹利在最新研报中称阿里是“全球少数同时具备模型、芯片和云能力的公司”。", [("摩根士丹利", None, "摩根士丹利")]),
    ("浙江省网信办在通报中称，“部分智能体服务在未经用户确认的情况下完成支付”。", [("浙江省网信办", None, "网信办")]),
    ("对此，阿里巴巴相关负责人回应称：“我们接受监管部门的指导意见。”", [("阿里巴巴", "相关负责人", "阿里巴巴")]),
    ("阿里巴巴表示，将继续加大投入。工业和信息化部在回应相关问题时表示：“将继续支持开源大模型规范发展。”",
     [("工业和信息化部", None, "工业和信息化部")]),
    # 她 is the titled name that opened the paragraph without a speech verb, not the last speaker; the same
    # person's 他 continues one passage
    ("阿里巴巴首席执行官吴泳铭表示，需求强劲。\n摩根士丹利分析师黎嘉欣在最新研报中将目标价上调至230港元。她认为，千问App"
     "的用户增长远超预期。", [("吴泳铭", "首席执行官", "阿里巴巴"), ("黎嘉欣", "分析师", "摩根士丹利")]),
    ("阿里巴巴集团首席执行官吴泳铭表示，需求强劲。他还透露，芯片已量产。", [("吴泳铭", "首席执行官", "阿里巴巴集团")]),
    # a colon after the name's short clause; 提醒 as a speech verb; a project's maintainer
    ("启明创投合伙人周立则相对乐观：「只要阿里能把成功率再提高一截，千问就有机会。」", [("周立", "合伙人", None)]),
    ("浙江大学计算机学院教授孙立则提醒，目前各家公布的成绩大多来自厂商自测。", [("孙立", "教授", None)]),
    ("开源项目OpenCrab的维护者陈屿称，8B版本在一张消费级显卡上就能跑起来。", [("陈屿", "维护者", None)]),
]


@pytest.mark.parametrize("body, expected", CHINESE_QUOTES)
def test_chinese_quote_attribution(enricher, body, expected):
    article = article_from_text(f"阿里巴巴新闻\n{body}", "https://example.com/zh", "2026-11-28T00:00:00Z")
    article.language = "zh"
    quotes = enricher.enrich([article])[0].quotes
    assert [(quote["speaker"], quote["role"], quote["org"]) for quote in quotes] == expected


CLAIMS = [  # sentence(s), [(kind, subject, benchmark or comparator, score)]
    ("Xiaomi's MiMo-7B scored 55.4 on AIME25, ahead of o1-mini at 50.2.", [("benchmark", "MiMo-7B", "AIME25", 55.4)]),
    ("GPT-5.1 scored 76.3% on SWE-bench Verified, compared with 72.7% for Claude Sonnet 4.5 and 68.1% for "
     "Gemini 2.5 Pro.",
     [("benchmark", "gpt-5", "SWE-bench Verified", 76.3)] * 2),
    ("DeepSeek-V3.1 posted 66.0 on SWE-bench Verified. Qwen3-Max scored 69.6 on the same benchmark.",
     [("benchmark", "deepseek-v3", "SWE-bench Verified", 66.0), ("benchmark", "qwen", "SWE-bench Verified", 69.6)]),
    ("Alibaba released Qwen3-Omni on Monday. The model achieved 92.3% on MATH-500, and on MMMU it reaches 75.0.",
     [("benchmark", "qwen", "MATH-500", 92.3), ("benchmark", "qwen", "MMMU", 75.0)]),
    # the rival's score in the same sentence is the claim's comparator score (tests/data/dev/README.md)
    ("On GPQA-Diamond, Qwen3-235B-A22B scores 81.1, while GPT-5 scores 85.7.",
     [("benchmark", "qwen", "GPQA-Diamond", 81.1)]),
    ("Qwen2.5-Max outperformed DeepSeek-V3 on Arena-Hard, scoring 89.4 to 85.5.",
     [("benchmark", "qwen", "Arena-Hard", 89.4)]),
    ("The Zhenwu 810E rivals Nvidia's H20 in inference throughput, T-Head said.",
     [("comparison", "t-head-ppu", "nvidia-h20", None)]),
    ("Huawei unveiled the Ascend 950PR. The chip is 3 times faster than its predecessor, the company said.",
     [("comparison", "huawei-ascend", "its predecessor", 3.0)]),
    ("The Atlas 950 SuperPoD delivers 6.7 times the computing power of Nvidia's NVL144.",
     [("comparison", "Atlas 950 SuperPoD", "Nvidia's NVL144", 6.7)]),
    ("Kimi K2 outperforms GPT-4.1 on coding tasks, Moonshot said.", [("comparison", "kimi", "gpt-4.1", None)]),
    ("Scores above 80 on MMLU-Pro were out of reach two years ago. The average score rose to 52.4.", []),
    ("Qwen's app ranks third, behind ByteDance's Doubao. The H20 is far less capable than the B200.", []),
    ("Liaoning's guard scored 31 points as the team beat Beijing 98-95.", []),
    # "a single card" is the chip named before
    ("Alibaba's T-Head unveiled the Zhenwu 830 on Tuesday. The company says a single card delivers 1.9 times the "
     "inference throughput of Nvidia's H20.", [("comparison", "t-head-ppu", "nvidia-h20", 1.9)]),
]


@pytest.mark.parametrize("body, expected", CLAIMS)
def test_claim_shapes(enricher, body, expected):
    claims = enrich(enricher, body, title="Models").claims
    found = [(claim["kind"], claim["subject"], claim["benchmark"] or claim["comparator"], claim["score"])
             for claim in claims]
    assert found == expected


def test_chinese_comparison_claims(enricher):
    body = "新一代PPU芯片采用国内工艺制造。平头哥称,该芯片的推理性能是上一代产品含光800的2.5倍,表现与英伟达H20相当。"
    article = article_from_text(f"平头哥\n{body}", "https://example.com/zh", "2026-11-28T00:00:00Z")
    article.language = "zh"
    claims = enricher.enrich([article])[0].claims
    assert [(claim["subject"], claim["comparator"], claim["score"]) for claim in claims] == [
        ("t-head-ppu", "hanguang-800", 2.5), ("t-head-ppu", "nvidia-h20", None)]


COUNTS = [  # sentence, [(text, value)]
    ("Huawei shipped 700,000 Ascend 910B and 910C chips, up from 30,000 of its own Kunlun P800 chips.",
     [("700,000 Ascend 910B and 910C chips", 700_000), ("30,000 of its own Kunlun P800 chips", 30_000)]),
    ("It operates in 29 regions and handled 150 million instant-retail orders from 7.5 million active riders.",
     [("29 regions", 29), ("150 million instant-retail orders", 150_000_000),
      ("7.5 million active riders", 7_500_000)]),
    ("The app had 100 million monthly active users, up from about 30 million in September.",
     [("100 million monthly active users", 100_000_000), ("30 million", 30_000_000)]),
    ("Qwen3-Coder was downloaded more than 1.2 million times in its first week.", [("1.2 million times", 1_200_000)]),
    ("The model can execute 200 to 300 sequential tool calls.", [("200 to 300 sequential tool calls", 200)]),
    ("It ranks in the Top 10 AI apps; H20 chips are scarce; the fine is due within 30 days.", []),
    ("千问App公测一周下载量突破1000万,目前已拥有超过5000万用户,出货量约为70万片。",
     [("1000万", 10_000_000), ("5000万用户", 50_000_000), ("70万片", 700_000)]),
]


@pytest.mark.parametrize("body, expected", COUNTS)
def test_count_shapes(enricher, body, expected):
    counts = [figure for figure in enrich(enricher, body, title="Counts").figures if figure["kind"] == "count"]
    assert [(figure["text"], figure["value"]) for figure in counts] == expected
