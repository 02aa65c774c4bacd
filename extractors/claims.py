"""Benchmark and comparison claims, read clause by clause from gazetteer entities and numbers.

"Qwen3-235B scored 85.7 on MMLU-Pro, ahead of DeepSeek-V3 at 81.2" -> subject qwen, benchmark
MMLU-Pro, score 85.7, comparator deepseek-v3 at 81.2; "the PPU delivers 2.5 times faster inference
than its predecessor, the Hanguang 800" -> comparison with hanguang-800, factor 2.5. A sentence is
cut into clauses at ", and" and ";" so that "..., and on MathVista it reaches 80.3" is a claim of
its own; a clause without a model of its own ("it reaches", "the system would be") takes the last
subject of the article. Models and chips are gazetteer ids, or the name as written when the
gazetteer does not know them ("MiMo-7B"), with the version words after a known name kept with it
("Claude Opus 4.6"), and a short name of a model named before resolved to it ("V4" after
"DeepSeek-V4"). A rival's score is told from the subject's by where it stands ("GPT-5's 41.7%",
"GPT-5 (71.2%)", "54.9% for GPT-5"); margins ("2.1 points ahead") are not scores. A clause may hold
several comparisons ("3 times faster than X and on par with Y") and a cue may name several rivals
("beating X and Y"): one claim each; a clause with only a rival's score ("but behind Claude at
80.9%") compares it with the sentence's score before. A benchmark the gazetteer does not list is
told by where it stands ("84.7 on SEA-HELM", "ThaiExam, a test built from ..."). Chinese claims
read settings (在…中), rivals' scores after 的, and factors written 是X的N倍, 较X提升N倍 or
与X相比，…提升至N倍. A clause may open with its rival ("Against X, it led ...", "but short of X at 93.1",
"与X相比，…"); scores joined by semicolons with no comparator cue are a ranking, one claim per model; a
benchmark named in the sentence before with no score there ("On SWE-bench Verified the picture flips.") is
the next sentence's; "its predecessor" or "上一代" is the predecessor the article named. Ranks ("第1名"),
thresholds ("break 90") and margins are no scores. Cue words live in config/figures.yaml `claims`."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from extractors.patterns import phrase_regex

SUBJECT_KINDS = {"model", "chip"}
SCORE = re.compile(r"(?<![A-Za-z0-9_.$¥€£@-])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)(?P<unit>\s?%|\s?per ?cent|\s?percent)?"
                   r"(?![A-Za-z0-9_.]*[A-Za-z\d])")   # ASCII runs: CJK characters are \w too
# A margin is not a score: "2.1 points ahead of GPT-5", "beats it by 3.4 percentage points", "a lead of 2 points".
MARGIN_AFTER = re.compile(r"-(?:percentage-)?point\b|"   # "a 12-point jump"
                          r"\s*(?:percentage\s+)?(?:points?|pts|pp)\s+(?:ahead|behind|higher|lower|above|below|more|"
                          r"less|better|worse|clear|short|shy|adrift|over)\b|\s*分的?(?:差距|之差)", re.IGNORECASE)   # "约5分差距"
MARGIN_BEFORE = re.compile(r"(?:\bby(?:\s+(?:about|around|roughly|nearly|almost|some|just|only|over|more\s+than|less\s+than|"
                           r"up\s+to))?|\bwithin|\blead of|\bmargin of|\bgap of|\bup|\bdown|\+|\bincrease of|\bimprovement of|"
                           r"(?:提升|提高|增加|上升|下降|减少|降低|缩短)了?(?:近|约|超过|逾)?|高出|领先|"
                           # "同比增长超过170%", "差距不足1分"
                           r"(?:同比)?(?:增长|下降|上涨|下跌)了?(?:超过|约|近|逾)?|(?:差距|相差)(?:不足|不到|约|近|为|达|仅)?)\s*$",
                           re.IGNORECASE)
# "领先GPT-5约1.2分": a margin over a rival named between the cue and the number
MARGIN_OVER_ZH = re.compile(r"(?:领先|高出|落后|低出|超出)(?:[^，,。；;的]{1,20}?(?:约|近|将近)?|[^，,。；;]{1,24}?(?:约|近|将近))\s?$")
POINTS_ZH = re.compile(r"\s?分")
# "吞吐量较英伟达H20高出约70%": a percent over a rival is a difference, not a score
RELATIVE_ZH = re.compile(r"(?:(?:较|比)[^，,。；;]{1,24}?(?:高出|提升|提高|增加|快|多|低|降低|减少)了?|领先[^，,。；;]{1,24}?)"
                         r"(?:约|近|将近|超过|逾)?\s?$")
NAME_BEFORE = re.compile(r"(?<![\w.])(?!(?:On|In|At|By|And|But|The|Of|From|To|Version|Top|No)\b)[A-Z][a-z]+\s$")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
MONTH_BEFORE, MONTH_AFTER = re.compile(rf"\b{MONTH}\s+$"), re.compile(rf"(?:st|nd|rd|th)?\s+{MONTH}(?![A-Za-z])")
# A number followed by a measure or count word is not a score ("480 billion parameters", "234 milliseconds").
NOT_A_SCORE = re.compile(r"\^|[\s-]*(?:billion|million|trillion|thousand|bn|mn|times|x\b|-fold|fold|tokens|parameters|"
                         r"seconds|ms|milliseconds|minutes|hours|days|weeks|months|years|GB|TB|users|chips|GPUs|倍|"
                         r"亿|万|元|美元|个百分点|百分点|(?-i:[TPEG]?FLOPS\b|TOPS\b|W\b)|petaflops|exaflops|teraflops|GB/s|"
                         r"TB/s|watts|nm\b|纳米|毫秒|秒|颗|台|张|卡|路|核|块|片|家|款|名|位|项|个|年|月|日|所|座|套|条|篇|道|种|场|人次|人)", re.IGNORECASE)
# ("74.1% tops X" is a score, "2,500 TOPS" no; "搭载8颗思元690" counts chips)
# (a full stop the sentence splitter missed, "… and Huawei's Ascend 910C. T-Head says the PPU …", ends a clause)
CLAUSE_BREAK = re.compile(r",\s+and\s+|[;；。]\s*|,\s+while\s+|,\s+whereas\s+|,?\s+but\s+|,\s+(?:al)?though\s+|"
                          r"(?:(?<=[a-z]{3})|(?<=\d)|(?<=\d[A-Z]))\.\s+(?=[A-Z])|"
                          r"(?<!相比)(?:，(?=[\u4e00-\u9fffA-Z])|,(?=[\u4e00-\u9fff]))"
                          r"(?!(?:略|稍|明显|大幅|远|仍|仅|也|均)?(?:与|和|比|较|超过|超越|高于|低于|领先|落后|优于|胜过|相比|对比|"
                          r"次于|逊于|不及|紧随|紧追))")
# (a Chinese clause that opens with a rival, "，与Claude Opus 4相当", "，超过GPT-5的41.7%", stays with its score;
# an English comma before a name does not break: "ahead of GPT-5, Gemini 2.5 Pro or Grok 4")
# (a decimal after a space is a score, not the name's next word: "K3 41.7 vs. GPT-5.2 38.9")
# (Latin letters with accents too: "Sabiá-4")
PRODUCT = re.compile(r"(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9_$¥€£.-])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9]*(?:\.[A-Za-z0-9]+)*"
                     # a short version joins the name ("EXAONE 4.0", "Mistral 3.1"); a score after a space does not
                     r"(?:(?:-|\s(?!(?:[2-9]\d|\d{3,})\.\d|\d+\.\d\d))(?:[A-Z0-9][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*))*")
MODEL_NUMBER = re.compile(r"\d{3,4}")
MODEL_NUMBER_AFTER = re.compile(r"\s\d{3,4}[A-Z]")
MODEL_NUMBER_AFTER_THE = re.compile(r"\b[Tt]he\s+(?P<number>\d{3,4})\b(?![\d.,%]|\s?(?:[TPEG]?FLOPS|TOPS|W|GB)\b)")
DIGIT_NAME = re.compile(r"(?<![\w.$¥€£-])\d+[A-Z][A-Za-z]*\b")   # a model or chip's short name: "950PR", "910C"
PRODUCT_BY_APPOSITION = re.compile(r"(?<![\w.-])[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+(?=,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                                   r"(?:model|chip|accelerator|processor|GPU|LLM)\b)")
# ("EXAONE 4.0"; a model number after a capitalised name, "EPYC 9965", but not a year, "AIME 2025")
PRODUCT_WORD = re.compile(r"[A-Za-z][\w.-]*\d|\d[\w.-]*[A-Za-z]|[a-z][A-Z]|[A-Za-z]{2,}\s\d{1,2}\.\d$|"
                          r"[A-Z]{2,}[a-z]*\s(?!(?:19|20)\d\d\b)\d{3,4}\+?$|"
                          r"^[A-Z][a-z]{2,}\s\d$")   # ("Jais 2", "Veo 3"; "Table 2" is in not_products)
HEADLINE_BEFORE = re.compile(r"\b(?:headline|top-line|topline)(?:\s+(?:number|figure|score|result))?\s+(?:is|was)\s+$",
                             re.IGNORECASE)
UNPUBLISHED = re.compile(r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t|not\s+yet)\s+"
                         r"(?:publish|publishing|report|reporting|release|releasing|disclose|disclosing|run|submit|"
                         r"submitting)|"
                         r"没有公布|未公布|未披露|没有披露|尚未公布", re.IGNORECASE)
UNPUBLISHED_FOR = re.compile(rf"(?:{UNPUBLISHED.pattern})\s+(?:any\s+)?(?:results|scores|numbers|figures)\s+"
                             r"(?:for|on)\s+(?:the\s+)?$", re.IGNORECASE)
# "the evaluation group EvalWorks", "the independent OpenEval Collective": an organisation, not a model
ORGANISATION_BEFORE = re.compile(r"\b(?:firm|group|company|startup|start-up|lab|outfit|collective|house|consultancy|"
                                 r"non-profit|nonprofit|agency|evaluator|auditor|tester)\s+(?:called\s+)?$|"
                                 r"\bthe\s+independent\s+$|"
                                 r"(?:项目|机构|平台|公司|团队|社区)$",   # "独立评测项目EvalHub的复测结果"
                                 re.IGNORECASE)
BARE_VERSION = re.compile(r"[A-Z]\d+(?:\.\d+)?")   # "V4", "K3": a model's version without its maker's name
OPENERS = {"On", "In", "At", "By", "The", "A", "An", "For", "From", "Since", "As", "Of", "Its", "Their", "With",
           "How", "Why", "What", "When", "Where", "Which", "Who", "Is", "Are", "Does", "Do", "Can", "Will"}   # "How V4 stacks up"
# "54.9% for GPT-5", "the 74.9% posted by OpenAI's GPT-5"
# "54.9% for GPT-5", "the 80.9 percent Anthropic claims for Claude Opus 4.5"
RIVAL_SCORE_AFTER = re.compile(r"\s*(?:(?:posted|scored|achieved|recorded|reached|managed|set)\s+|(?:[A-Z][\w-]*\s+)?"
                               r"(?:claims|claimed|reports|reported|lists|listed|cites|cited|gives|gave|published)\s+)?"
                               r"(?:for|by|from|that)\s+")   # "the 69.6% that Qwen3-Max managed"
THE_SCORE_OF = re.compile(r"\s*(?:%|per ?cent)?\s+of\s+")   # "well above the 65.8 of Kimi K2"
# ("78.2% for the model" is the subject's own: a bare "the model" points back to it)
THE_COMPANY_CLAIMS = re.compile(r"\bthe\s+company\s+(?:reported|reports|claimed|claims|said|says|lists|listed)\s+$")
# a rival's score given as its possession after a comparing word: "ahead of Sarvam-M's 57.9"
POSSESSED_SCORE = re.compile(r"\b(?:ahead\s+of|behind|versus|vs\.?|than|beating|over|and)\s+"
                             r"(?P<rival>[A-Z][\w.-]*(?:\s[A-Z0-9][\w.-]*){0,3})['’]s\s+$")
UNNAMED_RIVAL = re.compile(r"\s*(?:%|per ?cent)?\s*for\s+(?!the\s+(?:[A-Z][\w.-]*\s+)?(?:model|system|chip|version|release)\b)"
                           r"(?P<rival>(?:its|the|their)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:predecessor|version|release|model|generation|system|chip))\b", re.IGNORECASE)
# "61.8 versus 52.4", "74.2 against the Anthropic model's 77.9": the rival named before, described again
# "78.4 on LiveCodeBench v6 (its predecessor: 70.1)"
UNNAMED_LABEL = re.compile(r"[(（]\s*(?P<rival>(?:its|the)\s+(?:[\w-]+\s+){0,2}?(?:predecessor|version|release|model|"
                           r"generation))\s*[:：]\s*$", re.IGNORECASE)
RIVAL_SCORE_VERSUS = re.compile(r"(?:versus|vs\.?|against|compared (?:with|to)|\d\s+to)"
                                r"(?:\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s)?\s*$")
RIVAL_SCORE_AT = re.compile(r"(?:at|with|on|of)\s*$")                        # "GPT-5 at 41.7%"
# a rival's own score right after its name: "GPT-5's 41.7%", "GPT-5 (71.2%)", "GPT-5's score of 54.9"
# "GPT-5, which scored 88.4"
# "DeepSeek-V4: 74.5", "H20服务器的每秒10570个Token"
RIVAL_SCORE_OWN = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,4}?\s?的\s?(?:每秒\s?)?|为|[:：]\s*|['’]s(?:\s+(?:score|result)\s+of)?\s+|"
                             # "Gemini 3 Pro, which Alibaba listed at 91.9%"
                             r",\s+which\s+(?:[A-Z][\w-]*\s+)?(?:listed|lists|put|puts|rated|rates|placed|places)\s+at\s+|"
                             r"[(（]\s*|,?\s+(?:which\s+|that\s+)?"
                             r"(?:scored|scores|posted|reached|achieved|managed|got)\s+(?:only\s+|just\s+)?|"
                             r"\s+(?:remains?|remained|is|was|stays?|stayed|sits?|sat|comes?\s+in|came\s+in|finished|"
                             r"ranks?|ranked)\s+(?:[a-z]+\s+){0,2}?(?:at|with)\s+|"   # "Claude remains ahead at 63.1%"
                             # "with Google's Gemini 3 Pro trailing at 78.9"
                             r"\s+(?:trailing|trails|trailed|lagging|lags|lagged|sitting|coming\s+in)\s+at\s+)$")
# a rival opening the clause before its subject: "Against DeepSeek-V3.2, it led on MMLU-Pro (86.1 vs 85.0)"
RIVAL_OPENER = re.compile(r"\s*(?:against|compared\s+(?:with|to)|unlike|relative\s+to|versus|next\s+to)\s+"
                          r"(?:\w+['’]s\s+|the\s+)?$", re.IGNORECASE)
# words that may stand before a comparator cue opening a clause: "but (just) short of GPT-5.2 at 93.1"
CLAUSE_LEAD = re.compile(r"[\s,，]*(?:(?:but|and|yet|though|although|while|whereas|still|well|just|slightly|narrowly|far|"
                         r"also|only|comfortably|clearly|roughly|about)\s+|但是|但|而|并且|并|也|仍|却|略|稍)*",
                         re.IGNORECASE)   # "，但低于H200系统的每秒34000个Token"
# the subject position: a pronoun or "the model" before a name that is the object ("it was trained on H800 chips"),
# unless the name stands in apposition ("the new chip, the Zhenwu 810E,")
OBJECT_BEFORE = re.compile(r"\b(?:on|with|using|than|from|against|of|over|by|like|via|to|in)\s+"
                           r"(?:\w+['’]s\s+|the\s+|its\s+|[\d,.]+\s+\w+\s+)?$|"
                           r"(?:与|和|跟|同|比|较)(?:[\u4e00-\u9fff]{1,3}|[A-Za-z]+)?\s*$", re.IGNORECASE)   # "该芯片与华为昇腾950"
# benchmarks the gazetteer does not list (ClaimExtractor._unlisted_benchmarks)
# (two capitalised words at most: "its Intelligence Index")
# ("AfriMMLU's Swahili section" is AfriMMLU; "SPECrate2017_int_base" is one name)
BENCHMARK_NAME = (r"(?P<name>[A-Z][A-Za-z0-9]*(?:[-'’_](?![sS]\b)[A-Za-z0-9]+)*"
                  r"(?:\s(?:Index|Bench|Benchmark|Eval|Test|Exam|Arena|QA|Suite|Leaderboard))?)")
BENCHMARK_LIKE = re.compile(r"[A-Z0-9-]")
UNLISTED_AFTER_SCORE = re.compile(r"\b(?:scor\w*|achiev\w*|reach\w*|post\w*|hit|hits|record\w*|got|gets|managed|"
                                  r"earn\w*|at|of)\s+(?:a\s+score\s+of\s+|only\s+|just\s+|about\s+)?"
                                  rf"\d[\d,.]*(?:\s?%|\s?per ?cent)?\s+(?:on|in)\s+(?:the\s+|its\s+|their\s+)?"
                                  # ("71.3% on the English-language FinanceBench": the language is no part of the name)
                                  rf"(?:[A-Z][a-z]+-language\s+)?{BENCHMARK_NAME}"
                                  r"(?![A-Za-z0-9_.-]*\d)")
UNLISTED_DESCRIBED = re.compile(rf"{BENCHMARK_NAME},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?"
                                r"(?:benchmark|test|suite|leaderboard|evaluation|exam)\b|"
                                # "ran the DLRMv2 recommendation test"
                                rf"\bthe\s+{BENCHMARK_NAME.replace('(?P<name>', '(?P<name2>')}\s+(?:[a-z-]+\s+){{0,2}}?"
                                r"(?:benchmark|test|suite|leaderboard|evaluation|exam)\b")
# "On SeaExam it posted 68.2", "On IndicGenBench, Qwen3.6-Plus posted 58.3": a clause opening with the test
# "answered 86.2% of FinanceBench questions correctly"
UNLISTED_SHARE_OF = re.compile(rf"\d[\d.]*\s?(?:%|per ?cent)\s+of\s+(?:the\s+)?{BENCHMARK_NAME}\s+"
                               r"(?:questions|problems|tasks|items|prompts|cases|exercises)\b")
# (also "On the HAE-RAE Bench, which tests Korean culture and language, the model posted 81.2 percent")
# (and "On the BALSAM Arabic leaderboard it scored 68.9")
# (and "On the Brazilian university entrance exam set known as ENEM-Bench it reached 88.7%", "On the Korean
# reasoning test KoBALT-700, it reached 61.3", "On IndicGenBench, however, its score of 48.6 trails …")
UNLISTED_OPENING = re.compile(rf"\b[Oo]n\s+(?:the\s+)?(?:(?:[\w-]+\s+){{1,8}}?(?:known\s+as|called|dubbed)\s+|"
                              rf"(?:[\w-]+\s+){{0,5}}?(?P<described_before>test|benchmark|suite|exam|leaderboard)\s+)?"
                              rf"{BENCHMARK_NAME}(?:,\s+(?:which|a|an)\s[^,]{{1,80}})?"
                              r"(?:\s+(?:[A-Za-z-]+\s+)?(?P<described>leaderboard|benchmark|test|suite|board|exam))?,?\s+"
                              r"(?:(?:however|though|meanwhile|too),\s+)?"
                              r"(?:(?:it|its|the|model|chip|new|company|[A-Z][\w.-]*)\s+){1,4}?"
                              r"(?:scor|post|achiev|reach|got|hit|record|land|manag|earn|report)\w*\s+(?:of\s+)?\d")
# ("在金融评测集FinEval上": a descriptor may stand between 在 and the name)
UNLISTED_ZH = re.compile(rf"在(?:[\u4e00-\u9fff]{{0,8}}?(?:评测集|测试集|数据集|基准|榜单|评测|测试))?{BENCHMARK_NAME}"
                         rf"(?:[\u4e00-\u9fff]{{0,6}}?(?:基准|测试|评测|榜单)集?)?(?:上|中)")
# a chip a server holds is not what the clause is about: "该服务器单机柜可容纳128颗平头哥真武PPU芯片"
# (but "该中心采用的真武PPU" is the PPU the centre uses: the chip is what the clause is about)
HELD_ZH = re.compile(r"(?:容纳|搭载|配备|采用|使用|部署|集成|装有|包含|基于)(?!的$)(?:\d+[颗台张块片个套])?[\u4e00-\u9fff]{0,4}$")
# ... unless the system is named by it: "搭载8颗思元690的服务器取得每秒23800个Token" is the chip's result
SYSTEM_OF_ZH = re.compile(r"(?:芯片)?的(?:(?:推理|训练|算力|AI)?(?:服务器|系统|集群|机柜|节点|整机|实例))")
ZH_AGAINST = re.compile(r"与[^，,。；;]{1,20}?相比")   # "与上一代混元T1相比，新模型…": the rival, not the subject
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# "混元|T1", "文心|5.0", "千问|3.5-Max"
CJK_NAMED = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z0-9.]+)+")   # "豆包|Seed-2.0-Pro"
CJK_VERSION = re.compile(r"[A-Z]?\d+(?:\.\d+)*[A-Za-z]*(?:-[A-Za-z0-9.]+)*(?![A-Za-z0-9.])")
PREDECESSOR_ZH = re.compile(r"上一代|前一代|上代|前代|上一版|旧版")
# a predecessor written as such, which a name given before stands for ("较上一代Qwen3.8-Max-Thinking", "its predecessor,
# the Hanguang 800"): a later "上一代" or "its predecessor" is that model
LATTER = {"后者", "the latter"}
VAGUE_ZH = re.compile(r"[均都也皆]有?$|有$")   # "较上一代均有明显提升": improved on every count, no comparison to read
PREDECESSOR = re.compile(r"^(?:上一代|前一代|上代|前代|上一版|(?:its|the)\s+(?:immediate\s+)?predecessor)$", re.IGNORECASE)
NAMED_PREDECESSOR = re.compile(r"^(?:its|the)\s+(?:immediate\s+)?predecessor,?\s+(?:the\s+)?\S", re.IGNORECASE)
NAMED_PREDECESSOR_WORDS = re.compile(r"^(?:its|the)\s+(?:immediate\s+)?predecessor,?\s+(?:the\s+)?", re.IGNORECASE)
NAMES_PREDECESSOR = re.compile(r"(?:上一代|前一代|前代|(?:its|the)\s+predecessor[,\s]\s*(?:the\s+)?)$", re.IGNORECASE)
# "That is about 8.4 times the FP8 figure of the H20", "That works out to 2.3 times ...": the last subject's figure
# "That is", "That’s", "That also edges out GPT-5.1": the result just given, compared again
DEMONSTRATIVE = re.compile(r"\s*(?:That|This)(?:['’]s\b|\s+(?:(?:also|still|easily|narrowly|comfortably|just)\s+)?"
                           r"(?:is|was|works|worked|puts|put|places|placed|gives|gave|makes|made|means|comes|leaves|left|"
                           r"edges|beats|tops|trails|outscores|outperforms|matches)\b)")
YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")   # a year names no version: "TechCrunch Disrupt 2026"
# "the 32B model", "the 32-billion-parameter version"
SIZED_MODEL = re.compile(r"\bthe\s+\d+(?:\.\d+)?(?:[BMT]|[-\s]billion[-\s]parameter)\s+(?:model|version|variant)\b",
                         re.IGNORECASE)
VERSION_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+)?")    # "the latest version of the PPU" is the PPU
APPOSITION = re.compile(r"[\s,:(—–-]*(?:the\s+|its\s+)?[\s,:(—–-]*")
POSSESSIVE = {"its", "其", "their"}
CHIP_DESCRIPTION = re.compile(r"chip|accelerator|processor|gpu|card|part|cluster|system")
# the rest of a model's name after the part the gazetteer knows: "Claude| Opus 4.6", "Gemini| 3.1 Pro", "Grok| 4.1 Fast"
NAME_TAIL = re.compile(r"(?:[ -](?:[A-Z][A-Za-z]*\d+(?:\.\d+)*[A-Za-z]*|(?:1?\d)(?:\.\d)?[A-Za-z]*(?![\d.]*\s?%|\d)|"
                       # a chip's model number: "Zhenwu| 920", "the Zhenwu 850, an ...", not "Zhenwu 1,250 TFLOPS" or "Qwen 235 billion"
                       r"\d{3,4}[A-Z]*(?![\d%]|[.,]\d|\s?(?:per|billion|million|thousand|tokens|[TPEG]?FLOPS|TOPS|GB|TB|W)\b)|"
                       r"(?:Pro|Max|Plus|Turbo|Flash|Ultra|Mini|mini|Nano|nano|Lite|Thinking|Instruct|Preview|Exp|Heavy|"
                       r"Fast|Opus|Sonnet|Haiku|Coder|Omni|Seed|Large|Medium|Small|Terminus|Speciale|Codex|Base|Chat)"
                       r"(?![A-Za-z0-9])))+")
CODENAME = re.compile(r"[A-Z][a-z]{4,}")   # a model's code name: "Maverick", "Sonnet"
GENERIC_TAIL = re.compile(r"Thinking|Instruct|Preview|Turbo|Flash|Ultra|Coder|Large|Medium|Small|Heavy|Base|Chat|"
                          r"Speciale|Terminus|Codex|Reasoning|Vision|Lite|Plus|Omni|Nano|Mini|Exp")
DEFINITE_NAME = re.compile(r"^the\s+(?=[A-Z0-9])")
SCORE_NAMED_AFTER = re.compile(r"\s*\(\s*")   # "31.8 (Gemini 3 Pro)"
SCORE_OF_NAMED = re.compile(r"[:：]\s*$")   # "results for X without tools: 31.8 (Gemini 3 Pro)"
LIST_SEPARATOR_BEFORE = re.compile(r";\s*$")
SCORE_GIVEN_FOR = re.compile(r"(?:\s*(?:%|per ?cent|percent))?\s+for\s+")
# a test's name, not a product's: "FinanceBench", "FinQA", "ArabicMMLU"
TEST_NAME = re.compile(r"[A-Z][A-Za-z]*(?:Bench|bench|Eval|QA|MMLU|Exam|Arena)")
BENCHMARK_VERSION = re.compile(r"(?:[ -][vV]\d+(?:\.\d+)?|\s(?:19|20)\d\d|\s?['’]\d\d|\+\+)(?![A-Za-z0-9_.%]*\d)")
THROUGHPUT = re.compile(r"\s*(?P<what>tokens|queries|samples|images|inferences)\s*(?:per\s+second|/s|a\s+second)\b",
                        re.IGNORECASE)
TIME_TO_TRAIN = re.compile(r"\s*(?:minutes|mins?)\b")
# "领先H200八卡系统的2.18万个": a rival's throughput with its unit left out after the subject's
ELIDED_THROUGHPUT_ZH = re.compile(r"(?:万个?|个)(?=\s*(?:[，,。；;）)]|$))")
THROUGHPUT_ZH = re.compile(r"\s*万?个?\s*(?P<what>tokens?|Tokens?|TOKENS?|请求|样本|图像|张图片?)")
THROUGHPUT_WORDS_ZH = {"请求": "queries", "样本": "samples", "图像": "images", "张图": "images", "张图片": "images"}
# the joint of a clause that gives a rival's score: ", while GPT-5 scored 81.3", "；", "，GPT-5.2为86.9"
WHILE = re.compile(r",?\s+(?:while|whereas)\s+|,\s+(?:al)?though\s+|[;；，]\s*", re.IGNORECASE)
SCORELINE = re.compile(r"\s*(?:%|per ?cent)?\s+to\s+\d")
# "about 62% of the figure an H200 system recorded": a share of a rival's result, not a score
SHARE_OF = re.compile(r"\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:figure|score|result|throughput|performance|"
                      r"number|speed)\b", re.IGNORECASE)
RELATIVE_AFTER = re.compile(r"\s+(?:cheaper|faster|slower|more|less|lower|higher|smaller|larger|fewer|better|worse|"
                            r"above budget|below budget|over budget|under budget)\b",
                            re.IGNORECASE)
# "rose to 88.0 from 85.3", "improved its Arena-Hard v2 score to 88.2 from 79.5"
# "从79.5提升至88.2": the old score; "从上一代的79.5提升至88.2" is the predecessor's (RIVAL_FROM_ZH)
FORMER_SCORE_ZH = re.compile(r"\s*分?(?:提升|提高|上升|增加|跃升|升)(?:至|到)")
RIVAL_FROM_ZH = re.compile(r"从(?P<rival>[^，,。；;\d]{1,12}?)的\s*$")
# "得分为89.5，较上一代的81.3分明显提升": the predecessor's score, after 较/比 and before 分
PREDECESSOR_SCORE_ZH = re.compile(r"(?:较|比|相比于?|相较于?)(?P<rival>上一代|前一代|上代|前代|上一版)(?:产品|模型|版本)?的\s?$")
FORMER_SCORE = re.compile(r"\b(?:rose|rises|climbed|climbs|improved|improves|increased|jumped|up|fell|dropped|down|"
                          r"raised|lifted|pushed|boosted)(?:\s+[^\s,;]+){0,5}?"
                          r"\s+(?:to\s+)?\d[\d.]*\s?%?\s+from\s+$", re.IGNORECASE)
# "89.3 on |CMMLU", "79.1 (|GPQA Diamond)"
OBJECT_PRONOUN = re.compile(r"\s+(?:it|them)\b")
SCORE_ITEM = re.compile(r"(?:[:：;；]|\band)\s*$")   # a score heading a list item, before "on <benchmark>"
ON_BENCHMARK = re.compile(r"\s*(?:%|per ?cent)?(?:\s+(?:on|in|at)\s+(?:the\s+)?|\s*[(（])")
# (also "In the MLPerf Inference v6.0 Llama 2 70B server scenario, an eight-PPU system ...")
SETTING_BEFORE = re.compile(r"\b(?:on|of|with|using|across|running)\s+(?:[\w'’-]+\s+){0,2}$|\bin\s+(?:[\w'’.-]+\s+){1,5}$",
                            re.IGNORECASE)
# "On the DeepSeek-R1 interactive scenario it posted 3,150 tokens/s": the model is the workload, "it" the subject
WORKLOAD_THEN_PRONOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:scenario|test|workload|task|benchmark|run)s?\s+"
                                   r"(?:it|the\s+(?:chip|system|node|server|card|accelerator))\b")
SCORES_FOR = re.compile(r"\b(?:for|by|from)\s+$", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b|分别|依次")
PREPOSED_SUBJECT = re.compile(r",\s+(?:the\s+|\w+['’]s\s+)?$")
# "outperforms leading proprietary models including GPT-5.1 and Claude Opus 4.5": rivals given as examples
EXAMPLES_BEFORE = re.compile(r"\s*(?:[\w-]+\s+){0,5}?(?:including|such as|like|notably|namely)\s+(?:\w+['’]s\s+)?")
# a bare score of a model named alone, right after a sentence's claim: "Nvidia's GB200 NVL72 trails at 46,100."
DIGIT = re.compile(r"\d")   # (and no other score after it: "…, while Claude remains ahead at 80.1" is a rival's)
SCORED_AT = re.compile(r"\b(?:trails|trailed|sits|sat|comes in|came in|lands|landed|stands|stood|finishes|finished)"
                       r"\s+at\s+$")
# a domain joined to a known benchmark's name by a hyphen: "SuperCLUE-Auto" is a test of its own
DOMAIN_SUFFIX = re.compile(r"-(?:[A-Z][a-z]+|[A-Z]{2,})(?![A-Za-z0-9-])")
# a maker and a description between a cue and its rival: "exceeds Google's seventh-generation Ironwood TPU"
MAKERS_DESCRIBED = re.compile(r"\s*(?:the\s+)?[A-Z][\w&.-]*['’]s(?:\s+[a-z][a-z-]*){1,2}\s+")
# rivals named one after another: "beating DeepSeek-V3.2 and Claude Sonnet 4", "ahead of GPT-5, Gemini 2.5 Pro or Grok 4"
RIVAL_CHAIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:\w+['’]s\s+|the\s+)?")
# a list item that starts with the benchmark: "AIME 2025: 92.3", "- MMLU-Pro — 88.4%"
LIST_ITEM = re.compile(r"\s*(?:[-•*·▪–—]\s*)?")
# "a DocVQA score of 96.5", "ChartQA, 90.1", "LiveCodeBench v6 (70.4)", "lists MMLU-Pro at 88.1"
SCORE_ATTACHED = re.compile(r"\s+(?:score|result)\s+of\s+|\s*[,:：(（]\s*|\s+at\s+")
# ("SWE-bench Verified (fixing real GitHub issues): 72.5", "Humanity's Last Exam, without tools: 31.7%")
LIST_SEPARATOR = re.compile(r"(?:\s*\([^()\d]{0,60}\)|,\s[^,:：\d]{0,40})?\s*(?:[:：]|\s[-–—])\s*(?=\d)")
# "Other headline numbers from the report: BrowseComp 67.9; LiveCodeBench v6 84.2": items after a colon, each a
# benchmark and its score with nothing between
LISTED_AFTER_COLON = re.compile(r"[^:：;；]*[:：]\s*")
SCORE_NEXT = re.compile(r"\s+(?=\d[\d.]*\s*(?:%|per ?cent)?\s*[;；.。]?$)")
MAKERS_AFTER = re.compile(r"\s+(?:team|teams|lab|labs|researchers|engineers|developers|group)\b", re.IGNORECASE)
CUE_ENDS = re.compile(r"\s*[,.;:)]")
# "The model behind the app, Qwen3.6-Plus, scored …": "behind" inside the opening noun phrase compares nothing
NOUN_BEHIND = re.compile(r"\s*(?:The|A)\s+(?:[\w-]+\s+){1,2}behind", re.IGNORECASE)
# a rival ahead of the article's model: "Gemini 3 Pro still leads on ...", "tops", "remains ahead on"
# the maker's hardware standing for its chip: "the T-Head system", "Alibaba's servers"
MAKERS_HARDWARE = re.compile(r"(?:['’]s)?\s+(?:own\s+)?(?:system|systems|server|servers|chip|chips|cluster|part|card|"
                             r"cards|accelerator|accelerators|entry|submission)\b")
RIVAL_LEADS = re.compile(r"\b(?:still\s+)?(?:leads|led|tops|topped|remains\s+ahead|is\s+ahead|stays\s+ahead|"
                         r"(?:remains|is|was)\s+(?:still\s+)?the\s+(?:leader|top\s+scorer|one\s+to\s+beat))\b|领先|仍居")
HYPHENATED_WORD = re.compile(r"-[A-Za-z]")
# A score is followed by punctuation, a preposition or conjunction, or "points"; a number followed by
# another word counts something ("across 14 academic subjects", "in 3 languages").
COUNTED_AFTER = re.compile(r"\s+[a-z][a-z-]*\b")
# "which covers 11 Indian languages": a count with a proper adjective before its noun
COUNTED_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]+\s+(?:languages|dialects|countries|regions|markets|cities|provinces|"
                                 r"states|scripts)\b")
SCORE_FOLLOWER = re.compile(r"\s+(?:on|in|at|for|across|versus|vs|against|compared|with|from|to|and|or|while|but|"
                            r"whereas|without|points?|pts|percent|per|out|of|over|under|above|below|than|ahead|behind|"
                            r"respectively|overall|pass@\d|which|when|as|after|before|this|that|the|a|an|its|"
                            r"their|according|up|down|higher|lower|beating|topping|surpassing|trailing|edging|beats|beat|tops|"
                            r"trails|leads|edges|outperforms|surpasses|is|was|puts|put|places|posted|scored|recorded|"
                            r"achieved|reached|managed|set|by)\b",
                            re.IGNORECASE)
ZH_SETTING = re.compile(r"在[^，,。；;]{1,40}?(?:中|上|里|方面|下)")
LIST_JOINT = re.compile(r"[;；]")
# a maker stating its model's result: "Alibaba claims 32.6 percent", "阿里称"
CLAIMING = re.compile(r"\s*(?:['’]s\s+(?:own\s+)?(?:model\s+card|technical\s+report|report|table|chart|paper|blog\s+post|"
                      r"numbers|results|figures)\s+)?(?:(?:also|has|had|now)\s+)?(?:(?:claims|claimed|says|said|reports|reported|puts|put|rates|"
                      r"rated|lists|listed|cites|cited|quotes|quoted)\b|称|表示|宣称|公布)")
PRICE = re.compile(r"(?:US|HK)?[$¥€£]\s?\d|\b(?:RMB|CNY|USD|HKD|Rmb)\s?\d|\d\s?(?:元|美元|yuan|dollars|cents)\b|\bper million (?:input |output )?tokens")
LIST_HEAD = re.compile(r"\s*(?:[-•*·]\s*)?[A-Z][\w .'’-]{1,40}[:：]\s")   # "IFEval: Qwen3.5 92.6; Llama 4 Maverick 86.4"
RANK_BEFORE = re.compile(r"(?:第\s?|\bNo\.\s?|\bnumber\s|#)$", re.IGNORECASE)
LABEL_BEFORE = re.compile(r"\b(?:tiers?|levels?|grades?|stages?|rounds?|parts?|chapters?|phases?|steps?|sections?|"
                          # a version of a licence, standard or platform: "under Apache 2.0", "PCIe 5.0", "iOS 26"
                          r"versions?|Apache|GPL|LGPL|AGPL|MPL|CC BY|iOS|Android|Windows|PCIe|USB|HTTP|Wi-Fi|Bluetooth)"
                          r"\s+(?:\d+\s?[–-]\s?)?$", re.IGNORECASE)
AVERAGE_BEFORE = re.compile(r"\b(?:average|mean|median)\b[^,;.]{0,60}?\b(?:is|was|of|at|to)\s+$|平均分?(?:为|是|达到?)?\s*$",
                            re.IGNORECASE)
THRESHOLD_BEFORE = re.compile(r"\b(?:break|breaks|broke|breaking|above|over|exceed|exceeds|exceeded|cross|crossed|"
                              r"crossing|past|surpass|beyond|under|below|top|clear|clears|cleared|out\s+of)\s+(?:the\s+)?$|"
                              r"(?:超过|突破|高于|低于)$",
                              re.IGNORECASE)   # "唯一超过900分的"
RANK_AFTER = re.compile(r"\s?(?:名|位)")
RANKED = re.compile(r"\b(?:sits|sat|ranks|ranked|placed|came|comes|is|was|finished)\s+(?:first|second|third|fourth|fifth|"
                    r"sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b|第[一二三四五六七八九十\d]+(?:名|位)")
FACTOR = (r"(?:(?P<num>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:\s?(?:-|–|to)\s?"
          r"(?P<num2>\d+(?:\.\d+)?))?\s?(?:x|×|times|-fold|fold)|(?P<word>twice|double|triple|quadruple))\s+")
WORD_FACTORS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twice": 2, "double": 2, "triple": 3, "quadruple": 4}


@dataclass
class Mention:
    """A gazetteer entity (or a product named as written) inside one sentence, offsets relative to it."""

    start: int
    end: int
    id: str
    kind: str
    name: str


class ClaimExtractor:
    def __init__(self, figures_path: str | Path, gazetteer=None):
        rules = yaml.safe_load(Path(figures_path).read_text(encoding="utf-8"))["claims"]
        self.gazetteer = gazetteer
        # Models and chips by exact name, for a name the entity ruler missed ("the Ascend 910B." at a sentence end).
        self.known_names: dict[str, tuple[str, str]] = {}
        for entity in gazetteer.entities.values() if gazetteer is not None else ():
            if entity.kind in SUBJECT_KINDS:
                for name in entity.names:
                    self.known_names.setdefault(name, (entity.id, entity.kind))
        self.names_by_first_word: dict[str, list[str]] = {}
        for name in sorted(self.known_names, key=len, reverse=True):
            self.names_by_first_word.setdefault(name.split()[0], []).append(name)
        self.comparator_cues = phrase_regex(rules["comparator_cues"])
        self.parity_cues = phrase_regex(rules["parity_cues"])
        self.better_cues = phrase_regex(rules["better_cues"])
        self.worse_cues = phrase_regex(rules["worse_cues"])
        words = "|".join(re.escape(word) for word in sorted(rules["factor_words"], key=len, reverse=True))
        nouns = "|".join(re.escape(word) for word in sorted(rules["factor_nouns"], key=len, reverse=True))
        self.factor = re.compile(rf"(?<![\w.]){FACTOR}(?:(?:{words})(?:\s+[\w-]+){{0,3}}?\s+(?:than|as)|"
                                 # ("1.9x the SPECrate 2017 integer performance of the Yitian 710")
                                 rf"the\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\s+of|(?:that|those)\s+of|"
                                 # "2.3 times the H20 system's throughput": the rival inside, after "the"
                                 rf"the(?=\s+(?:[\w-]+\s+){{0,3}}?[\w-]+['’]s\s+(?:[\w-]+\s+)?(?:{nouns})\b))\s+",
                                 re.IGNORECASE)
        # "roughly 1.6x Huawei's Ascend 910C": a factor with the rival right after it
        # (the rival's name ends there: "twice Qwen's daily users" counts users, it compares no chips)
        # ("5.3 times the H20's and 2.4x the PPU's 320 TFLOPS": the rival's own figure, left out or given)
        self.factor_of_rival = re.compile(rf"(?<![\w.]){FACTOR}(?=(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
                                          rf"[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*(?!['’]s)"
                                          rf"(?:\s*[,.;:)]|\s+(?:at|in|on|for|while|and|but|with)\b|\s*$)|"
                                          rf"(?:the\s+)?[A-Z][\w.-]*['’]s(?:\s*[,.;:]|\s+(?:and|or|but)\b|\s+\d))")
        # "double that of X" compares performance only when a measure of it comes first ("INT8 performance of 1,200
        # TOPS is double that of"), not a power draw ("puts the draw at five times that of the Nvidia system")
        self.measure_before = re.compile(rf"\b(?:{nouns}|TOPS|[TPE]?FLOPS|tokens|inference|training)\b", re.IGNORECASE)
        self.bare_factor = re.compile(rf"(?<![\w.]){FACTOR}(?:{words})(?=\s*(?:[.,;:!?)]|$))", re.IGNORECASE)
        # "是H20的1.5倍", "较文心5.0提升3.2倍", "比H20快2倍", "与上一代混元T1相比，新模型的推理速度提升至2倍"
        # (比 in 能效比, 性价比 is a ratio, not "than"; sites that space Latin and digits from Chinese write
        # "是上一代真武 810E 的 2.5 倍")
        self.factor_zh = re.compile(r"(?:是|为|达到|达|较|(?<![效价])比|相比于|相较于|与|相当于)(?P<rival>[^,，。]{0,20}?)"
                                    r"(?:\s?的\s?(?=\d)|"
                                    r"(?:\s?的[^,，。]{0,6}?)?(?:提升|提高|快|增加|增长)(?:了|至|到)?\s?|"
                                    r"相比[，,]?[^,，。]{0,24}?(?:提升|提高|快|增加|增长)(?:了|至|到)?\s?)"
                                    r"(?P<num>\d+(?:\.\d+)?)\s?倍")
        self.parity_zh = re.compile(r"与(?P<rival>[^,，。]{0,24}?)(?:相当|持平|不相上下|相近|接近)")   # "与Claude Opus 4.5基本持平"
        # better than a rival, no factor: "比上一代快40%", "比第二名豆包高出1.1分", "比H20更强"
        # ("能效比上一代真武810E提升60%": 能效 compared with the rival; 性价比 stays a ratio)
        self.better_zh = re.compile(r"(?:(?<!价)比|较|相较于|相比于)(?P<rival>[^,，。；;]{1,20}?)(?:更|还|略|明显|大幅)?"
                                    r"(?:快|高|强|好|优|提升|提高)(?:出|了)?(?=\s*(?:约|近)?\d|更|[,，。；;]|$)|"
                                    # "与上一代真武810E相比，新芯片的能效提升约60%"
                                    r"与(?P<against>[^,，。]{0,20}?)相比[，,]?[^,，。]{0,24}?(?:提升|提高|快|增加)(?:了|至|到)?"
                                    r"(?:约|近)?\d+(?:\.\d+)?\s*%|"
                                    # "思元690仍领先真武920约15%": ahead of the rival by a share
                                    r"(?:领先|超过|超出|优于|快于|高于)(?P<ahead>[^,，。；;]{1,20}?)(?:约|近|超过)?"
                                    r"\d+(?:\.\d+)?\s*%")
        self.coreference = phrase_regex(rules["coreference"])
        self.same_benchmark = phrase_regex(rules["same_benchmark"])
        # a language or domain written before a known test is part of its name: "Cantonese-MMLU", "Japanese MT-Bench"
        languages = "|".join(re.escape(word) for word in rules["benchmark_languages"])
        self.benchmark_prefix = re.compile(rf"(?<![A-Za-z0-9-])(?:[A-Z][a-z]+-|[A-Z]{{2}}-|(?:{languages})\s)$")
        # (and a language after a speech test: "Common Voice Cantonese")
        self.benchmark_subset = re.compile(rf"\s(?:{phrase_regex(rules['benchmark_subsets']).pattern}|"
                                           rf"(?-i:{languages}|English|Swahili|Bangla|Tagalog)(?![\w-]))", re.IGNORECASE)
        self.hardware_benchmark = re.compile("|".join(re.escape(name) for name in rules["hardware_benchmarks"]))
        self.not_product = re.compile("|".join(f"(?:{pattern})" for pattern in rules["not_products"]))
        self.rival_intro = re.compile(rf"(?:{self.comparator_cues.pattern}|{self.parity_cues.pattern})\W*"
                                      rf"(?:both\s+|either\s+)?(?:\w+['’]s\s+|the\s+)?$", re.IGNORECASE)

    def extract(self, sentences: list[tuple[str, list[Mention]]]) -> list[dict]:
        """Claims of an article's body, sentence by sentence; subjects carry over by coreference."""
        claims: list[dict] = []
        article = _Article()
        # the article's own model or chip: the one named most often
        named = Counter(mention.id for _, mentions in sentences for mention in mentions if mention.kind in SUBJECT_KINDS)
        main = named.most_common(1)[0][0] if named else None
        # and its model, for scores a chip cannot have (a chip story's "AIME 2025, 89.6")
        models = Counter(mention.id for _, mentions in sentences for mention in mentions if mention.kind == "model")
        main_model = models.most_common(1)[0][0] if models else None
        chips = Counter(mention.id for _, mentions in sentences for mention in mentions if mention.kind == "chip")
        main_chip = chips.most_common(1)[0][0] if chips else None
        for sentence, mentions in sentences:
            products = self._products(sentence, mentions, article)
            benchmarks = [self._with_subset(sentence, _with_version(sentence, self._with_prefix(sentence, mention)))
                          for mention in mentions if mention.kind == "benchmark"]
            unlisted = self._unlisted_benchmarks(sentence, mentions + benchmarks, article.unlisted_benchmarks)
            article.unlisted_benchmarks.update(mention.name for mention in unlisted)
            # "ThaiExam" looks like a model's name as written; where it stands says it is a benchmark
            products = [product for product in products if not _overlaps(product.start, product.end, unlisted)]
            benchmarks = sorted(benchmarks + unlisted, key=lambda mention: mention.start)
            # "…at roughly 60% of a B200, and T-Head did not submit results for MLPerf Training": a test with no
            # results is no test of the sentence's scores
            benchmarks = [mention for mention in benchmarks if not UNPUBLISHED_FOR.search(
                sentence, max(0, mention.start - 60), mention.start)]
            if any(self.hardware_benchmark.match(benchmark.name) for benchmark in benchmarks):
                # "repeated the Llama 3.1 405B MLPerf test ... and measured 37,800 tokens per second": the model is
                # the workload the hardware ran
                products = [product for product in products if product.kind != "model"]
            numbers = self._numbers(sentence, mentions + benchmarks + products)
            companies = [mention for mention in mentions if mention.kind == "company"]
            # "3.1 times the throughput of its predecessor, the Zhenwu 810E": what "its predecessor" means, here
            # and in later sentences
            article.predecessor = next((mention for mention in products if mention.kind in SUBJECT_KINDS
                                        and NAMES_PREDECESSOR.search(sentence, max(0, mention.start - 30),
                                                                     mention.start)), article.predecessor)
            clause_subject, claimed, last, previous_start, previous_end = None, None, None, 0, 0
            claims_before = len(claims)
            opening_rivals = []   # "与GPT-5相比，千问3.5……高出2.3分，达到77.5": the rival of every later clause
            # "On GPQA Diamond the order is Qwen4 84.1; Kimi K3 82.6; DeepSeek-V4 81.9": a ranking lists each model's
            # own score, where "X produced 41,300 ..., while a system using the H20 managed 33,600" compares two
            # (a cue before the list, "对比结果依次为：", does not make it a comparison)
            items = LIST_JOINT.split(sentence)
            ranking = ((len(items) >= 3 or len(items) == 2 and LIST_HEAD.match(sentence))
                       and not any(self.comparator_cues.search(item) for item in items[1:]))
            for start, end in _clauses(sentence):
                inside = lambda items: [item for item in items if start <= _start(item) < end]
                # a clause with no benchmark of its own takes those set in the clause before ("在MMLU-Pro基准
                # 测试中，DeepSeek-V4得分为86.9", "在C-Eval和CMMLU上，X的得分分别为…"), else the sentence's
                earlier = [mention for mention in benchmarks if previous_start <= mention.start and mention.end <= start
                           ] or [mention for mention in benchmarks if mention.end <= start][-1:]
                if not earlier and article.benchmark is not None and self.same_benchmark.search(sentence, start, end):
                    # "Claude Opus 4.5 still leads that coding test at 80.9%, and Alibaba didn't publish results
                    # for Terminal-Bench": the test meant is the one before, not one the sentence names later
                    earlier = [article.benchmark]
                subject_before = clause_subject
                found, clause_subject = self._clause(article, sentence, start, end, opening_rivals + inside(products),
                                                     inside(benchmarks) or earlier or benchmarks, inside(numbers),
                                                     clause_subject, last, inside(companies))
                if not found and last is not None and last["kind"] == "benchmark" and not inside(numbers):
                    found = self._rivals_added(sentence, start, last, inside(products))
                opening_rivals += [product for product in inside(products)
                                   if self._opens_against(sentence, start, product)]
                if (last is not None and WHILE.fullmatch(sentence, previous_end, start) and _rival_scores(found, last)
                        and not ranking):
                    # "X produced 41,300 tokens per second, while a system using the H20 managed 33,600": the
                    # rival's score is the comparator's of the claim before, not a claim of its own
                    had_rival = last["comparator"] is not None
                    if not had_rival and main is not None and last["subject"] != main and all(
                            claim["subject"] == main for claim in found):
                        # "Claude Sonnet 4.5 resolves 77.2 percent; Qwen3.6-Coder resolves 75.9 percent" in a Qwen
                        # story: the article's model is the subject, the one named first its rival
                        found = [{**claim, "comparator": last["subject"], "comparator_score": last["score"]}
                                 for claim in found]
                    else:
                        found = [{**last, "comparator": claim["subject"], "comparator_score": claim["score"]}
                                 for claim in found]
                        clause_subject = subject_before
                    if not had_rival:
                        claims.remove(last)   # it had no rival; now it has one
                if (last is not None and last["comparator"] is None and last in claims
                        and any(claim["comparator"] and (claim["subject"], claim["benchmark"], claim["score"])
                                == (last["subject"], last["benchmark"], last["score"]) for claim in found)):
                    claims.remove(last)   # "86.1%, but behind Gemini 3 Pro at 91.9%": the claim now has its rival
                for claim in found:
                    # a later "its predecessor" is the one named before; a bare 上一代 stays as written, as
                    # Chinese writers mostly label it (five of eight saved pages)
                    if (article.predecessor is not None and PREDECESSOR.match(claim["comparator"] or "")
                            and not PREDECESSOR_ZH.match(claim["comparator"])):
                        claim["comparator"] = article.predecessor.id
                    elif NAMED_PREDECESSOR.match(claim["comparator"] or ""):
                        # "its predecessor M2": an earlier version of the subject, or the name as written when the
                        # gazetteer does not know the subject ("its predecessor, the MTT S5000" -> "MTT S5000")
                        known = self.gazetteer is not None and self.gazetteer.kind(claim["subject"]) in SUBJECT_KINDS
                        claim["comparator"] = (claim["subject"] if known
                                               else NAMED_PREDECESSOR_WORDS.sub("", claim["comparator"]))
                    if claim["comparator"] in LATTER and last is not None and last["comparator"]:
                        claim["comparator"] = last["comparator"]   # "是英伟达H20的2.3倍，能效比则是后者的1.8倍"
                if main_model is not None and self.gazetteer is not None:
                    found = [{**claim, "subject": main_model}
                             if claim["kind"] == "benchmark" and self.gazetteer.kind(claim["subject"]) == "chip"
                             and not self.hardware_benchmark.match(claim["benchmark"] or "") else claim
                             for claim in found]
                if main_chip is not None and self.gazetteer is not None:
                    # a chip is compared with a chip: "it's still a generation behind Blackwell", said of "this part"
                    # where the last subject named was a model, means the article's chip
                    found = [self._like_with_like(claim, main_chip) for claim in found]
                led = [claim for claim in found if _led_by_rival(claim, main_model)
                       and models[main_model] >= 2 * models[claim["subject"]]
                       and RIVAL_LEADS.search(sentence, start, end)]
                if led:
                    # "Gemini 3 Pro still leads on Humanity's Last Exam, scoring 38.3 against Qwen3.6-Max's 33.9": the
                    # article's model is the claim's subject, the rival ahead its comparator (tests/data/dev/README.md)
                    found = [{**claim, "subject": claim["comparator"], "score": claim["comparator_score"],
                              "comparator": claim["subject"], "comparator_score": claim["score"]}
                             if claim in led else claim for claim in found]
                    clause_subject = next((product for product in products if product.id == main_model), clause_subject)
                claims.extend(found)
                last = found[-1] if found else last
                previous_start, previous_end = start, end
                if found:
                    claimed = clause_subject
            if last is None and article.last_claim is not None and DEMONSTRATIVE.match(sentence):
                # "… put QwQ-3 at 71 on its Intelligence Index. That is two points shy of GPT-5.1 and three clear of
                # DeepSeek-V3.2": the claim before, against each rival this sentence measures it by
                rivals = [product for product in products if product.id != article.last_claim["subject"]
                          and self._introduced(sentence, product, products)]
                scores = {}
                for number in numbers:   # "That puts it behind GPT-5, which scored 88.4 on the same test"
                    owner = self._score_owner(sentence, number, None, rivals)
                    if owner is not None:
                        scores.setdefault(owner.id, _value(number))
                found = [{**article.last_claim, "comparator": rival.id, "comparator_score": scores.get(rival.id),
                          "text": sentence.strip()} for rival in _distinct(rivals)]
                if found and article.last_claim["comparator"] is None and article.last_claim in claims:
                    claims.remove(article.last_claim)   # it had no rival; now it has them
                claims.extend(found)
                last = found[-1] if found else None
            article.last_claim = last if last is not None and last["kind"] == "benchmark" else None
            # A name without a version number that the gazetteer does not know ("TechCrunch Sessions") and that
            # has no claim of its own does not take "the model" away from a known model or chip.
            new_subject = claimed or clause_subject
            if (new_subject is not None and article.subject is not None and article.subject.id == main_model
                    and new_subject.id != main_model and RIVAL_LEADS.search(sentence)):
                # "…, though Claude Opus 4.5 still leads the same test at 80.9%": the rival ahead is a comparison,
                # and "the new model" after it is still the article's
                new_subject = None
            if new_subject is not None and (claimed is not None or new_subject.kind != "product"
                                            or re.search(r"\d", YEAR_WORD.sub("", new_subject.name))
                                            or article.subject is None or article.subject.kind == "product"):
                article.subject = new_subject
            elif products and article.subject is None:
                article.subject = products[0]
            # ("Claude Sonnet 5 posted 74.8% on the same benchmark. Meta's Llama 4 Maverick trails at 61.0%.": a
            # score on the test before keeps it the test of the next sentence)
            scored_again = any(claim["kind"] == "benchmark" for claim in claims[claims_before:])
            article.sentences_since_benchmark = (0 if benchmarks or scored_again
                                                 else article.sentences_since_benchmark + 1)
            # (a benchmark whose results were not published leaves no score for the next sentence to give)
            # (nor does one a model is ranked on: "sits third on the LMArena WebDev leaderboard")
            article.benchmark_unscored = (bool(benchmarks) and not numbers and not UNPUBLISHED.search(sentence)
                                          and not RANKED.search(sentence))
            if benchmarks:
                article.benchmark = benchmarks[-1]
            for mention in products:   # with their version words: "Kimi K3" makes a later "K3" kimi
                article.remember(mention)   # (and "MTT S6000", unknown to the gazetteer, a later "S6000")
                if mention.kind in SUBJECT_KINDS:
                    if mention.id == main and article.main is None:
                        article.main = mention
        return claims

    def _clause(self, article, sentence, start, end, products, benchmarks, numbers, inherited, last=None,
                companies=()):
        """Claims of one clause and its subject; `inherited` is the subject of the clause before, `last`
        the sentence's claim before it, `companies` the organisations the clause names."""
        text = sentence[:end]
        # "与上一代混元T1相比，新模型的速度提升至2倍": the rival comes first and the subject after it
        against = [match.span() for match in ZH_AGAINST.finditer(text, start)]
        # "Against DeepSeek-V3.2, it led on MMLU-Pro (86.1 vs 85.0)": the subject comes after the rival
        clause_products = [product for product in products if product.start >= start]
        if clause_products and self._rival_first(text, start, clause_products[0]):
            against.append((start, clause_products[0].end))
        # (a cue with nothing after it compares nothing: "the coding test every lab now fights over, Qwen3.7 ...")
        cues = [match.start() for match in self.comparator_cues.finditer(text, start)
                if not any(a <= match.start() < b for a, b in against) and not CUE_ENDS.match(text, match.end())
                and not NOUN_BEHIND.fullmatch(text, start, match.end())]
        triggers = self._triggers(sentence, start, end)
        stop = min(cues[:1] + [number.start() for number in numbers[:1]] + [end]
                   + [next((cue.start("num") if cue.re is self.factor_zh
                            else cue.end() if cue.re is self.better_zh else b for a, b in against
                            if a == cue.start()), cue.start()) for cue in triggers])
        # "在千问大模型推理任务中的表现与H20相当": a model named in the setting ("in the X task") is not the
        # clause's subject; the chip the sentence is about is.
        settings = [match.span() for match in ZH_SETTING.finditer(text, start, stop)] + against
        own = [product for product in clause_products if product.start < stop
               and not any(a <= product.start < b for a, b in settings)
               and not (HELD_ZH.search(text, max(start, product.start - 14), product.start)
                        and not SYSTEM_OF_ZH.match(text, product.end))]
        pronoun = self.coreference.search(text, start, own[0].start) if own else None
        if (pronoun and pronoun.group(0).lower() not in POSSESSIVE
                and not APPOSITION.fullmatch(text, pronoun.end(), own[0].start)
                and not VERSION_OF.fullmatch(text, pronoun.end(), own[0].start)
                and (OBJECT_BEFORE.search(text[pronoun.end():own[0].start])
                     or self.rival_intro.search(text, pronoun.end(), own[0].start))   # "the model leapfrogs X"
                and self._referred(article, text, start, stop, inherited) is not None):
            own = []   # "it was trained on H800 chips": the name is an object, the subject is "it"
        if own and SETTING_BEFORE.search(text, start, own[0].start) and (
                "," in text[own[0].end:stop] or WORKLOAD_THEN_PRONOUN.match(text, own[0].end)):
            # "on a node of eight H200s, the 397B model generated ...", "on DeepSeek's V3.2 model, a server
            # with eight Ascend 960 chips generated ...": what the test ran on is the setting, not the subject
            if len(own) > 1 and "," in text[own[0].end:own[1].start]:
                own = own[1:]
            elif self._referred(article, text, own[0].end, stop, inherited) is not None:
                own = []
        if own:   # the clause's first model or chip is its subject ("the PPU lags the H100 but beats the H20")
            subject, rivals = own[0], [product for product in products if product.start > own[0].start
                                       or product.start < start or any(a <= product.start < b for a, b in against)]
        else:
            subject, rivals = self._referred(article, text, start, stop, inherited), products
            if subject is None and benchmarks and (self._list_item(text, start, benchmarks[0]) or any(
                    SCORE_ATTACHED.fullmatch(text, benchmark.end, number.start())
                    for benchmark in benchmarks for number in numbers)):
                subject = article.subject   # "Alibaba reports a DocVQA score of 96.5", "MMStar, 74.8; ChartQA, 90.1"
            if benchmarks and numbers and (subject is None or SCORE_OF_NAMED.search(text, start, numbers[0].start())
                                            or LIST_SEPARATOR_BEFORE.search(text, 0, start)):
                # "reported a score of 31.7 per cent for Qwen3.6-Max, up from 25.3 per cent for ...", "31.8 (Gemini
                # 3 Pro); 26.5 (Claude Sonnet 4.5)": the model the first score is given for
                given_for = next((product for product in clause_products
                                  if SCORE_GIVEN_FOR.fullmatch(text, numbers[0].end(), product.start)
                                  or SCORE_NAMED_AFTER.fullmatch(text, numbers[0].end(), product.start)
                                  and text.startswith(")", product.end)), None)
                if given_for is not None:
                    subject, rivals = given_for, [product for product in products if product is not given_for]
                    # ("... versus 68.8 for Exaone", "up from 25.3 per cent for the version it released in April":
                    # a later score given for something else is not the subject's)
                    numbers = [numbers[0]] + [number for number in numbers[1:]
                                              if not SCORE_GIVEN_FOR.match(text, _throughput_end(text, number))
                                              or any(SCORE_GIVEN_FOR.fullmatch(text, _throughput_end(text, number),
                                                                               rival.start) for rival in rivals)]
            preposed = self._after_preposed_score(text, stop, products)
            if subject is None and preposed is not None:
                subject, rivals = preposed, [product for product in products if product.start > preposed.start]
            if subject is None and any(SCORE_ITEM.search(text, start, number.start()) and ON_BENCHMARK.match(text, number.end())
                                       for number in numbers) and benchmarks:
                subject = article.subject   # "reads like a wish list: 95.1 on AIME 2026; 86.0 on GPQA Diamond"
            if (subject is None and benchmarks and numbers and cues and text[start:numbers[0].start()].strip()
                    and numbers[0].start() < cues[0] and clause_products
                    and all(product.start > cues[0] for product in clause_products)):
                # "my harness gave 81.4, which is 1.2 points behind Gemini 3 Pro": the article's own model
                subject = article.main or article.subject
            if subject is None and benchmarks and numbers and HEADLINE_BEFORE.search(text, start, numbers[0].start()):
                subject = article.main or article.subject   # "The headline number is 77.8 percent on SWE-bench Verified"
            if subject is None and self._scores_for_it(text, stop, end):
                subject = article.subject   # "claims a score of 68.9 on BFCL v4 for the model"
            if subject is None and article.subject is not None and self.gazetteer is not None and any(
                    company.start < stop and CLAIMING.match(text, company.end)
                    and company.id in self.gazetteer.ancestors(article.subject.id) for company in companies):
                subject = article.subject   # "Alibaba claims 32.6 percent": the maker speaks of its model
            if subject is None and benchmarks and numbers and THE_COMPANY_CLAIMS.search(text, start, numbers[0].start()):
                subject = article.main or article.subject   # "On MMLU-ProX the company reported 72%"
            maker = self._maker_of_main(article, companies, stop)
            if subject is None and maker is not None and (
                    MAKERS_HARDWARE.match(text, maker.end)
                    or not text[start:maker.start].strip(" \"“‘'") and any(
                        cue.re in (self.better_cues, self.worse_cues, self.parity_cues) for cue in triggers)):
                # "the T-Head system's result was on par with the H200 entry"; "T-Head is still a generation
                # behind Blackwell": the maker opening a comparison stands for its chip
                subject = article.main
            # (an unknown name counts too when the clause neither names it nor points back to it: it is only
            # inherited from the sentence before, "Falcon-H2 ... trails at 66.4. Alibaba's other results came in a
            # list: 81.3% on ...", not "Huawei said the system would be 6.7 times more powerful")
            if (subject is not None and maker is not None
                    and (subject.kind in SUBJECT_KINDS or subject not in clause_products
                         and not self.coreference.search(text, start, stop))
                    and subject.id != article.main.id) and not any(
                    company.id in self.gazetteer.ancestors(subject.id) for company in companies):
                # "Claude leads that test at 80.9%. … Alibaba's own table puts the model at 92.3 on AIME": the
                # model its maker is named with is the article's own, not the rival named last (a name the
                # gazetteer does not know, "the Atlas 950 SuperPoD", may well be the maker's own)
                subject = article.main
        if subject is not None:   # "Claude's results ... lists Claude Opus 4.5 at 80.9": the subject named again
            rivals = [rival for rival in rivals
                      if not (rival.id == subject.id and _same_model(rival.name, subject.name))]
        throughputs = [number for number in numbers if _throughput(text, number)]
        if (not benchmarks and numbers and article.benchmark is not None and article.sentences_since_benchmark == 0
                and not PRICE.search(text)
                and (article.benchmark_unscored or throughputs and self.hardware_benchmark.match(article.benchmark.name)
                     or article.last_claim is not None and len(numbers) == 1
                     and SCORED_AT.search(text, start, numbers[0].start())
                     and not DIGIT.search(sentence, numbers[0].end()))):
            # the benchmark of the sentence before: "On SWE-bench Verified the picture flips. Qwen4 trails at 69.8%";
            # "T-Head submitted the 920 to MLPerf Inference v6.0. On the Llama 2 70B test, a server produced ..."
            benchmarks = [article.benchmark]
        if subject is not None and not benchmarks and len(throughputs) > 1 and cues:
            # "generated 3,150 tokens per second, well ahead of the 1,380 ... on an H20 and the 2,200 ... from an
            # Ascend 910C": throughputs measured outside a benchmark compare the chips named after the cue
            compared = _distinct(rival for rival in rivals if rival.start > cues[0] and rival.id != subject.id)
            return [self._comparison_claim(sentence, subject, None, None, rival.id) for rival in compared], subject
        if subject is None or not (triggers or (benchmarks or self.same_benchmark.search(text, start)) and numbers):
            return [], subject or inherited
        if not benchmarks and self.same_benchmark.search(text, start) and article.benchmark is not None:
            benchmarks = [article.benchmark]
        named_in_order = self._models_in_order(text, start, end, clause_products, benchmarks, numbers)
        if named_in_order:
            return named_in_order, clause_products[0]
        if benchmarks and numbers:
            return self._benchmark_claims(text, subject, benchmarks, numbers, rivals, last), subject
        comparisons, seen, taken = [], set(), -1
        for index, cue in enumerate(triggers):   # "3 times faster than X and on par with Y": one claim per cue
            if cue.start() < taken:
                continue
            following = triggers[index + 1:]
            limit = next((other.start() for other in following if other.start() >= cue.end()), end)
            taken = max(taken, cue.end())
            found = self._comparison(sentence, end, subject, rivals, [cue], limit)
            if cue.re is self.worse_cues:
                # "the Zhenwu PPU trails Nvidia's H200 by about a generation": the one ahead is the subject (after a
                # score, "…75.8%, but still trails Claude Opus 4.5", the rival belongs to that claim instead)
                found = [] if last is not None and last["kind"] == "benchmark" else [
                    {**claim, "subject": claim["comparator"], "comparator": claim["subject"]} for claim in found
                    if self.gazetteer is not None and self.gazetteer.kind(claim["comparator"]) in SUBJECT_KINDS]
            if (not found and cue.re is self.better_cues and OBJECT_PRONOUN.match(sentence, cue.end())
                    and article.subject is not None and article.subject.id != subject.id):
                # "DeepSeek-V3.2 still beats it on BrowseComp": "it" is the model the article is about
                found = [self._comparison_claim(sentence, subject, cue, None, article.subject.id)]
            for comparison in found:
                if comparison["comparator"] not in seen:
                    seen.add(comparison["comparator"])
                    comparisons.append(comparison)
        return comparisons, subject

    def _like_with_like(self, claim: dict, main_chip: str) -> dict:
        """A comparison of a chip with a model means the article's chip in the model's place."""
        if claim["kind"] != "comparison":
            return claim
        kinds = (self.gazetteer.kind(claim["subject"]), self.gazetteer.kind(claim["comparator"] or ""))
        if kinds == ("model", "chip") and claim["comparator"] != main_chip:
            return {**claim, "subject": main_chip}
        if kinds == ("chip", "model") and claim["subject"] != main_chip:
            return {**claim, "comparator": main_chip}
        return claim

    @staticmethod
    def _models_in_order(text, start, end, products, benchmarks, numbers) -> list[dict]:
        """Scores given respectively for models named in order, on one benchmark: "QwQ-3 and GPT-5.1 solved 24%
        and 32% of tiers 1-3, respectively" (two: the first's claim against the second), "GPT-5.1、Qwen3.8和
        Gemini 3 Pro的得分依次为80.2、79.6和77.5" (more: one claim each)."""
        if not numbers or len(benchmarks) != 1 or not RESPECTIVELY.search(text, start, end):
            return []
        models = [product for product in products if product.start < numbers[0].start()]
        if len(models) < 2 or len(models) != len(numbers):
            return []
        base = {"kind": "benchmark", "benchmark": benchmarks[0].name, "text": text.strip()}
        if len(models) == 2:
            return [{**base, "subject": models[0].id, "score": _value(numbers[0]),
                     "unit": _score_unit(text, numbers[0]), "comparator": models[1].id,
                     "comparator_score": _value(numbers[1])}]
        return [{**base, "subject": model.id, "score": _value(number), "unit": _score_unit(text, number),
                 "comparator": None, "comparator_score": None} for model, number in zip(models, numbers)]

    def _rival_first(self, text, start, product) -> bool:
        """A clause that opens with its rival: "Against DeepSeek-V3.2, it led ...", "(but) short of GPT-5.2 at 93.1"."""
        if RIVAL_OPENER.fullmatch(text, start, product.start):
            return True
        cue = self.rival_intro.search(text, start, product.start)
        return cue is not None and CLAUSE_LEAD.fullmatch(text, start, cue.start()) is not None

    @staticmethod
    def _opens_against(sentence, start, product) -> bool:
        """A rival named first, as what the rest is measured against: "与GPT-5相比，", "Against DeepSeek-V3.2, "."""
        return (any(match.start() <= product.start < match.end() for match in ZH_AGAINST.finditer(sentence, start))
                or RIVAL_OPENER.fullmatch(sentence, start, product.start) is not None)

    def _triggers(self, sentence, start, end) -> list:
        found = [match for pattern in (self.factor, self.factor_zh, self.parity_cues, self.parity_zh, self.better_cues,
                                       self.bare_factor, self.better_zh, self.factor_of_rival, self.worse_cues)
                 for match in pattern.finditer(sentence, start, end)
                 if not (pattern is self.factor and re.search(r"\b(?:that|those)\s+of\s+$", match.group(0))
                         and not self.measure_before.search(sentence, max(start, match.start() - 60), match.start()))]
        order = {self.factor: 0, self.factor_zh: 1, self.parity_cues: 2, self.parity_zh: 3, self.better_cues: 4,
                 self.bare_factor: 5, self.better_zh: 6, self.factor_of_rival: 7, self.worse_cues: 8}
        return sorted(found, key=lambda match: (match.start(), order[match.re]))

    def _after_preposed_score(self, text, stop, products):
        """'With a score of 89.2 on C-Eval, Qwen3-Max leads ...': the subject stands after the score,
        first thing after a comma, with no comparator cue before it."""
        for product in products:
            if product.start > stop and PREPOSED_SUBJECT.search(text, stop, product.start):
                between = text[stop:product.start]
                return None if self.comparator_cues.search(between) or self.parity_cues.search(between) else product
        return None

    def _scores_for_it(self, text, stop, end) -> bool:
        """The scores are given 'for the model' (or 'by it') after them, in the clause."""
        return any(SCORES_FOR.search(text, max(stop, match.start() - 12), match.start())
                   for match in self.coreference.finditer(text, stop, end))

    @staticmethod
    def _list_item(text, start, benchmark) -> bool:
        """A clause that is a benchmark then its score, as in a list under a model's name."""
        return (LIST_ITEM.fullmatch(text, start, benchmark.start) is not None
                and LIST_SEPARATOR.match(text, benchmark.end) is not None) or (
            (LIST_ITEM.fullmatch(text, start, benchmark.start) is not None
             or LISTED_AFTER_COLON.fullmatch(text, start, benchmark.start) is not None)
            and SCORE_NEXT.match(text, benchmark.end) is not None)

    def _maker_of_main(self, article, companies, stop):
        """The maker of the article's own model or chip, if the clause names it before its scores."""
        if article.main is None or self.gazetteer is None:
            return None
        makers = self.gazetteer.ancestors(article.main.id)[1:]
        return next((company for company in companies if company.start < stop and company.id in makers), None)

    def _rivals(self, first: str, second: str) -> bool:
        """Two models or chips of different makers (Qwen and Wan are both Alibaba's)."""
        if self.gazetteer is None:
            return False
        return not set(self.gazetteer.ancestors(first)[1:]) & set(self.gazetteer.ancestors(second)[1:])

    def _referred(self, article, text, start, stop, inherited):
        """A clause's subject written as "it", "the system", or left out after ", and" (the clause
        before's); only "it" and its kind reach back to the article's last subject."""
        pointer = self.coreference.search(text, start, stop)
        if pointer and inherited is None and _own_description(article, pointer) and self._rivals(
                article.main.id, article.subject.id):
            # "Claude Opus 4.5 trails at 70.1% on that test. The model matches Gemini 3 Pro on AIME 2025":
            # a sentence that opens on a description rather than a pronoun is back on the article's own model
            return article.main
        if pointer or SIZED_MODEL.search(text, start, stop) or DEMONSTRATIVE.match(text, start):
            return inherited or article.subject
        return inherited

    def _benchmark_claims(self, text, subject, benchmarks, numbers, rivals, last=None) -> list[dict]:
        own, rival_scores, unnamed = [], {}, []
        for index, number in enumerate(numbers):
            owner = self._score_owner(text, number, numbers[index - 1] if index else None, rivals)
            if owner is None:
                own.append(number)
            else:
                rival_scores.setdefault(owner.id, []).append(number)
                if owner not in rivals:
                    unnamed.append(owner)
        if not own and len(numbers) == 2 and len(rival_scores) == 1 and subject.start < numbers[0].start():
            held = next(iter(rival_scores.values()))
            if len(held) == 2 and RIVAL_SCORE_VERSUS.search(text, 0, numbers[1].start()) and not self.coreference.match(
                    text, numbers[0].end()):
                # "Qwen3.7-Max trails Claude Opus 4.5 at 78.4 against 80.1": a scoreline after both names gives
                # the subject's score first
                own, rival_scores = [numbers[0]], {owner: [numbers[1]] for owner in rival_scores}
        if not own and len(numbers) == 1 and subject.start < numbers[0].start() and any(
                self.parity_cues.search(text, subject.end, rival.start)
                and not self.comparator_cues.search(text, subject.end, rival.start)
                for rival in rivals if rival.id in rival_scores):
            # "Qwen3.7-Max matches Gemini 3 Pro on MMMU at 79.0": at parity the one score is the subject's too
            own, rival_scores = list(numbers), {}
        named_rivals = [rival for rival in rivals if rival.id in rival_scores or self._introduced(text, rival, rivals)]
        named_rivals += unnamed
        named_rivals = _distinct(named_rivals)   # "领先豆包Doubao-Seed-2.5-Pro的90.3": one rival named twice
        claims = []
        if not own and last is not None and last["kind"] == "benchmark" and last["subject"] == subject.id:
            # "78.4% on SWE-bench Verified, ahead of GPT-5's 74.9%, but behind Claude Opus 4.5 at 80.9%":
            # a clause with only rivals' scores compares them with the score the sentence gave before
            return [{**last, "comparator": rival.id, "comparator_score": _value(rival_scores[rival.id][0])}
                    for rival in named_rivals if rival.id in rival_scores]
        # "在C-Eval和CMMLU上的准确率分别为93.8%和92.5%", "71.2 and 68.4 on X and Y respectively": in order
        in_order = len(own) == len(benchmarks) > 1 and RESPECTIVELY.search(text) is not None
        for index, number in enumerate(own):
            benchmark = benchmarks[index] if in_order else _benchmark_of(text, number, benchmarks, numbers)
            base = {"kind": "benchmark", "subject": subject.id, "benchmark": benchmark.name,
                    "score": _value(number), "unit": _score_unit(text, number), "text": text.strip()}
            for rival in named_rivals or [None]:
                # "MMLU-Pro (86.1 vs 85.0) and GPQA Diamond (80.2 vs 79.9)": the rival's score nearest this one
                scores = rival_scores.get(rival.id, []) if rival else []
                score = min(scores, key=lambda score: abs(score.start() - number.start()), default=None)
                claims.append({**base, "comparator": rival.id if rival else None,
                               "comparator_score": _value(score) if score else None})
        return claims

    def _score_owner(self, text, number, previous, rivals):
        """The rival a score belongs to: "GPT-5 at 41.7%", "54.9% for GPT-5", "61.8 versus 52.4"."""
        end = _throughput_end(text, number)   # "10,570 tokens per second for an eight-way H20 system"
        after = text[end:end + 30]
        ours = RIVAL_SCORE_AFTER.match(after) and self.coreference.match(after, RIVAL_SCORE_AFTER.match(after).end())
        if not ours and (RIVAL_SCORE_AFTER.match(after)   # ("78.2% for the model (Claude Sonnet 4.6: 80.1%)" is ours)
                         or (THE_SCORE_OF.match(after) and text.endswith("the ", 0, number.start()))):
            rival = next((rival for rival in rivals if end < rival.start <= end + 30), None)
            if rival:
                return rival
        unnamed = UNNAMED_RIVAL.match(text, number.end()) or UNNAMED_LABEL.search(text, 0, number.start()) or (
            FORMER_SCORE_ZH.match(text, number.end()) and RIVAL_FROM_ZH.search(text, 0, number.start())) or (
            PREDECESSOR_SCORE_ZH.search(text, 0, number.start()))
        if unnamed and unnamed.re is UNNAMED_RIVAL:   # "for its predecessor, Qwen3.6-Max": named after all
            named = next((rival for rival in rivals
                          if re.fullmatch(r"\s*,\s*(?:the\s+)?", text[unnamed.end():rival.start])), None)
            if named is not None:
                return named
        if unnamed:   # "compared with 86.4 for its predecessor": the rival as written
            return Mention(unnamed.start("rival"), unnamed.end("rival"), unnamed["rival"], "product", unnamed["rival"])
        before = text[max(0, number.start() - 40):number.start()]
        if previous is not None and RIVAL_SCORE_VERSUS.search(before):
            earlier = [rival for rival in rivals if rival.end <= number.start()]
            return earlier[-1] if earlier else (rivals[0] if rivals else None)
        # the nearest rival before the score: "DeepSeek-R1's 84.0 and GPT-4.5's 86.1"
        rival = next((rival for rival in reversed(rivals) if 0 <= number.start() - rival.end <= 30), None)
        if rival and RIVAL_SCORE_OWN.fullmatch(text, rival.end, number.start()):
            return rival
        if rival and not text[rival.end:number.start()].strip() and (
                "." in number["num"] or RIVAL_SCORE_VERSUS.search(text, max(0, rival.start - 20), rival.start)):
            return rival   # "K3 41.7 vs. GPT-5.2 38.9", "Gemini 3 Pro 88.4, GPT-5.2 87.0": the name, then its score
        rival = rival if rival and number.start() - rival.end <= 12 else None
        if RIVAL_SCORE_AT.search(before) and rival and not re.match(r"\s*(?:versus|vs)", after):
            return rival
        possessed = POSSESSED_SCORE.search(text, max(0, number.start() - 60), number.start())
        if possessed:   # "ahead of Sarvam-M's 57.9": a name the gazetteer lacks, as written
            return Mention(possessed.start("rival"), possessed.end("rival"), possessed["rival"], "product",
                           possessed["rival"])
        return None

    def _rivals_added(self, sentence, start, last, products) -> list[dict]:
        """A clause that only names rivals of the claim before: "scored 75.8%, but still trails Claude Opus 4.5",
        "得分为75.8%，与Gemini 3 Pro基本持平，但仍落后于Claude Opus 4.5". The clause must open with its cue (no
        model of its own before it), so "…, and DeepSeek trails GPT-5" is not read as the claim's rival."""
        if not products:
            return []
        first = products[0]
        cue = self.rival_intro.search(sentence, start, first.start) or self._chinese_cue_naming(sentence, first, start)
        if cue is None or not CLAUSE_LEAD.fullmatch(sentence, start, cue.start()):
            return []
        rivals = [product for product in products if product.id != last["subject"]
                  and self._introduced(sentence, product, products)]
        return [{**last, "comparator": rival.id, "comparator_score": None} for rival in _distinct(rivals)]

    def _chinese_cue_naming(self, text, rival, start=0):
        """The Chinese parity or better-than cue whose rival part holds `rival` ("与GPT-5相当"), or None."""
        return next((match for pattern in (self.parity_zh, self.better_zh) for match in pattern.finditer(text, start)
                     if _rival_span(match)[0] <= rival.start < _rival_span(match)[1]), None)

    def _introduced(self, text, rival, rivals=()) -> bool:
        """A rival stands after a comparator or parity cue ("ahead of GPT-5", "on par with Gemini"), or after
        such a rival in a list ("beating DeepSeek-V3.2 and Claude Sonnet 4")."""
        if self.rival_intro.search(text, max(0, rival.start - 40), rival.start) is not None:
            return True
        cue = next(self.comparator_cues.finditer(text, max(0, rival.start - 90), rival.start), None)
        if cue is not None and EXAMPLES_BEFORE.fullmatch(text, cue.end(), rival.start):
            return True   # "outperforming leading proprietary models including GPT-5.1"
        if self._chinese_cue_naming(text, rival) is not None:
            return True   # "74.8分，与GPT-5相当", "比第二名豆包高出1.1分"
        if any(match.start() <= rival.start < match.end() for match in ZH_AGAINST.finditer(text)):
            return True   # "与GPT-5相比，千问3.5……得分高出2.3分"
        before = [other for other in rivals if other.end <= rival.start]
        return bool(before) and RIVAL_CHAIN.fullmatch(text, before[-1].end, rival.start) is not None \
            and self._introduced(text, before[-1], rivals)

    def _comparison(self, sentence, end, subject, rivals, triggers, limit=None) -> list[dict]:
        """'2.5 times faster than X', 'on par with X', 'outperforms X': X a model or chip named right
        after the cue; only a factor may compare with an unnamed rival ("its predecessor")."""
        cue = triggers[0]
        limit = end if limit is None else limit
        if cue.re in (self.parity_cues, self.better_cues) and PRICE.search(sentence, 0, end):
            return []   # "lists at $0.40 per million tokens, roughly in line with Maverick at $0.38": prices
        factor = cue if cue.re in (self.factor, self.factor_zh, self.bare_factor, self.factor_of_rival) else None
        if cue.re in (self.factor_zh, self.parity_zh, self.better_zh):
            after = [rival for rival in rivals if _rival_span(cue)[0] <= rival.start < _rival_span(cue)[1]]
        elif cue.re is self.bare_factor:   # "is cheaper than Ernie 4.5 and responds 1.8 times faster"
            after = [rival for rival in rivals if rival.end <= cue.start() and self._introduced(sentence, rival)][-1:]
        else:
            after = [rival for rival in rivals if cue.end() <= rival.start < limit]
            if (after and (not factor or cue.re is self.factor_of_rival) and after[0].start - cue.end() > 25
                    and not EXAMPLES_BEFORE.fullmatch(sentence, cue.end(), after[0].start)
                    and not MAKERS_DESCRIBED.fullmatch(sentence, cue.end(), after[0].start)):
                after = []   # the first rival stands right after its cue, the others follow it in a chain
        chain = after[:1]
        for rival in after[1:]:   # "outperforms Kimi K2 and DeepSeek-V3": one claim per rival
            if not RIVAL_CHAIN.fullmatch(sentence, chain[-1].end, rival.start):
                break
            chain.append(rival)
        if (after and after[0].kind == "product"
                and cue.re not in (self.factor_zh, self.bare_factor, self.better_zh, self.factor_of_rival)):
            # as written: "Nvidia's NVL144", "the previous Command A", but "the A18 Pro" is the A18 Pro
            comparators = [DEFINITE_NAME.sub("", sentence[cue.end():after[0].end].strip())]
            comparators += [rival.id for rival in chain[1:]]
        elif after:
            comparators = [rival.id for rival in chain]
        elif factor and cue.re is self.factor:
            comparators = [_rest_phrase(sentence[cue.end():end])]
        elif (cue.re is self.factor_zh and cue.group(0)[0] in "是为达") or (
                cue.re in (self.factor_zh, self.better_zh) and PREDECESSOR_ZH.search(_rival_text(cue))
                and not (cue.re is self.better_zh and VAGUE_ZH.search(_rival_text(cue)))):
            # "是上一代的2.5倍", "比上一代快40%": the rival as written; "较去年增长8倍" grows over a year, not a rival
            comparators = [_rival_text(cue).strip()] if _rival_text(cue).strip() else []
        else:
            return []
        return [claim for comparator in comparators if comparator
                for claim in [self._comparison_claim(sentence, subject, cue, factor, comparator)]]

    def _comparison_claim(self, sentence, subject, cue, factor, comparator) -> dict:
        claim = {"kind": "comparison", "subject": subject.id, "benchmark": None, "score": None,
                 "unit": "x" if factor else "parity" if cue is not None and cue.re in (self.parity_cues, self.parity_zh)
                 else None,
                 "comparator": comparator, "comparator_score": None, "text": sentence.strip()}
        if factor:
            number = factor["num"] or factor.groupdict().get("word") or ""
            claim["score"] = float(WORD_FACTORS.get(number.lower(), number) if number.lower() in WORD_FACTORS
                                   else number)
            if factor.groupdict().get("num2"):
                claim["score_max"] = float(factor["num2"])
        return claim

    def _products(self, sentence: str, mentions: list[Mention], article=None) -> list[Mention]:
        """Models and chips: the gazetteer's, and names with digits it does not know ("MiMo-7B")."""
        # "published by the Qwen team": a model's name naming the people who make it is no mention of the model
        known = [self._named_version(_with_tail(sentence, mention), mention) for mention in mentions
                 if mention.kind in SUBJECT_KINDS and not MAKERS_AFTER.match(sentence, mention.end)]
        taken = mentions + known
        for match in PRODUCT.finditer(sentence):
            words = match.group(0).split()
            while words and words[0] in OPENERS:
                words = words[1:]
            name = " ".join(words).rstrip(".")
            begin = match.end() - len(" ".join(words))
            short = article.short_name(name) if article is not None else None
            # a short name of a model named before ("M3" after "MiniMax-M3") even where it looks like a
            # chip family the patterns rule out ("M3" alone is Apple's)
            # (a hardware benchmark's workload is a test, not a product: "In the offline ResNet-50 test"; nor is
            # a name shaped like a test's)
            if (not name or not (PRODUCT_WORD.search(name) or short) or (self.not_product.fullmatch(name) and not short)
                    or self.hardware_benchmark.fullmatch(name) or TEST_NAME.fullmatch(name)
                    or _overlaps(begin, begin + len(name), taken)
                    or ORGANISATION_BEFORE.search(sentence, max(0, begin - 40), begin)):
                continue
            if short:   # "V4" after "DeepSeek-V4": the model named before
                known.append(Mention(begin, begin + len(name), short.id, short.kind, name))
            else:   # a known name, a version of one ("Ascend 950DX" after the known "Ascend 950"), or as written
                identity = (self.known_names.get(name) or self._version_of_known(name)
                            or self._maker_version(sentence, begin, name, mentions) or (name, "product"))
                known.append(Mention(begin, begin + len(name), *identity, name))
                if article is not None and identity[1] != "product" and BARE_VERSION.fullmatch(name):
                    article.short_names.setdefault(name, known[-1])   # "V4" again, later, without its maker
        for match in PRODUCT_BY_APPOSITION.finditer(sentence):
            # "Kimina-Prover, an open model from the Beijing start-up Moonshot AI, scored 49.3%": a name with no
            # digits that the sentence itself calls a model or chip
            if not _overlaps(match.start(), match.end(), taken + known):
                known.append(Mention(match.start(), match.end(), match.group(0), "product", match.group(0)))
        for match in MODEL_NUMBER_AFTER_THE.finditer(sentence):   # "the 830" after "Zhenwu 830"
            short = article.short_names.get(match["number"]) if article is not None else None
            if short and short.kind == "chip" and not _overlaps(match.start("number"), match.end("number"),
                                                                  mentions + known):
                known.append(Mention(match.start("number"), match.end("number"), short.id, short.kind,
                                     match["number"]))
        for match in DIGIT_NAME.finditer(sentence):   # "the 950PR" after "Ascend 950PR"
            short = article.short_names.get(match.group(0)) if article is not None else None
            if short and not _overlaps(match.start(), match.end(), mentions + known):
                known.append(Mention(match.start(), match.end(), short.id, short.kind, match.group(0)))
        return sorted(known, key=lambda mention: mention.start)

    def _maker_version(self, sentence, begin, name, mentions) -> tuple[str, str] | None:
        """A bare version a few words after its maker ("DeepSeek released V4", "DeepSeek's report puts V4 at") is
        the maker's model: the gazetteer's name for the two together, or the model family it starts ("DeepSeek-V4")."""
        if not BARE_VERSION.fullmatch(name):
            return None
        maker = next((mention for mention in reversed(mentions) if mention.kind == "company"
                      and 0 <= begin - mention.end <= 40), None)
        if maker is None:
            return None
        written = sentence[maker.start:maker.end]
        return next((identity for joined in (f"{written}-{name}", f"{written} {name}")
                     for identity in [self.known_names.get(joined) or self._version_of_known(joined)]
                     if identity), None)

    def _named_version(self, mention: Mention, base: Mention) -> Mention:
        """A family name with a version the gazetteer lists on its own: "昇腾" + " 910C" is the Ascend 910C."""
        version = mention.name[len(base.name):].strip()
        if version and version in self.known_names and self.known_names[version][0] != mention.id:
            return Mention(mention.start, mention.end, *self.known_names[version], mention.name)
        return mention

    def _version_of_known(self, name: str) -> tuple[str, str] | None:
        """A known model or chip name with a version suffix the gazetteer does not list: "Ascend 950DX" is an
        Ascend 950, "Kunlun P800X" a Kunlun P800 (the longest known name it starts with, joined without a space)."""
        for known in self.names_by_first_word.get(name.split()[0], ()):
            # (or a version after a space: "Wan 3.0" is a Wan)
            if len(name) > len(known) and name.startswith(known) and (name[len(known)].isalnum() or
                                                                      name[len(known)] in "-." or
                                                                      name[len(known):].startswith(" ") and
                                                                      name[len(known) + 1:len(known) + 2].isdigit()):
                return self.known_names[known]
        return None

    def _with_prefix(self, sentence: str, mention: Mention) -> Mention:
        """A benchmark with a language or domain written before it: "Cantonese-|MMLU", "Japanese |MT-Bench" is a
        test of its own, kept as written."""
        prefix = self.benchmark_prefix.search(sentence, 0, mention.start)
        if not prefix:
            return mention
        return Mention(prefix.start(), mention.end, mention.id, mention.kind, sentence[prefix.start():mention.end])

    def _with_subset(self, sentence: str, mention: Mention) -> Mention:
        """A benchmark with the subset written after it: "Tau2-bench| Retail", "SPECrate 2017| Integer",
        "SuperCLUE|-Auto"."""
        subset = self.benchmark_subset.match(sentence, mention.end) or DOMAIN_SUFFIX.match(sentence, mention.end)
        if not subset:
            return mention
        return Mention(mention.start, subset.end(), mention.id, mention.kind, sentence[mention.start:subset.end()])

    def _unlisted_benchmarks(self, sentence: str, taken: list[Mention], known: set = frozenset()) -> list[Mention]:
        """Benchmarks the gazetteer does not list, by where they stand: right after a score ("84.7 on
        SEA-HELM", "89.2% on the VoiceBench suite", "在KoBench上得分") or described as one ("ThaiExam, a
        test built from ..."). The name must look like one (capitals inside, a digit or a hyphen), so
        "85 on Monday" names no benchmark."""
        found = []
        for pattern in (UNLISTED_AFTER_SCORE, UNLISTED_DESCRIBED, UNLISTED_OPENING, UNLISTED_SHARE_OF, UNLISTED_ZH):
            for match in pattern.finditer(sentence):
                group = "name2" if match.groupdict().get("name2") else "name"
                start, end = match.span(group)
                name = match[group]
                # (a plain word will do where the sentence calls it a test: "On the Belebele reading benchmark")
                described = match.groupdict().get("described") or match.groupdict().get("described_before")
                if (len(name) < 3 or not (BENCHMARK_LIKE.search(name[1:]) or described)
                        or self.not_product.fullmatch(name)
                        or name in self.known_names
                        or _overlaps(start, end, taken + found)):
                    continue
                found.append(_with_version(sentence, Mention(start, end, name, "benchmark", name)))
        for name in known:   # "On BM-ReadComp, a reading test, …. Malaysia AI Lab re-ran BM-ReadComp": named again
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
                if not _overlaps(match.start(), match.end(), taken + found):
                    found.append(Mention(match.start(), match.end(), name, "benchmark", name))
        return found

    def _numbers(self, sentence: str, mentions: list[Mention]):
        numbers = []
        for match in SCORE.finditer(sentence):
            # part of a name ("Qwen2.5-72B", "GPT 5"), not a score after one ("DeepSeek-V3.1的88.4", "on MMLU-Pro 85.6")
            # (a space joins only a short whole number, or a chip's model number, to a name: "GPT 5", "Zhenwu 830",
            # not "K3 41.7")
            joined = ("", "-", "_", "/") + ((" ",) if re.fullmatch(r"\d{1,2}", match["num"]) else ())
            model_number = re.fullmatch(r"\d{3,4}", match["num"]) is not None and not match["unit"]
            inside = any(mention.start <= match.start() < mention.end
                         or mention.kind != "benchmark" and mention.end <= match.start() <= mention.end + 1
                         and (sentence[mention.end:match.start()] in joined
                              or mention.kind == "chip" and model_number and sentence[mention.end] == " ")
                         for mention in mentions) or (
                # a Chinese name's generation before its model number: "至强6 6980P"
                match.start() and CJK_CHAR.match(sentence, match.start() - 1) is not None
                and MODEL_NUMBER_AFTER.match(sentence, match.end()) is not None)
            year = "." not in match["num"] and 1990 <= _float(match["num"]) <= 2100 and not match["unit"]
            # a margin ("by 2.1 points"), but "outscored Claude by 93.9 to 92.1" is a scoreline
            margin = MARGIN_AFTER.match(sentence, match.end()) or (
                MARGIN_BEFORE.search(sentence[:match.start()]) and not SCORELINE.match(sentence, match.end())) or (
                POINTS_ZH.match(sentence, match.end()) and MARGIN_OVER_ZH.search(sentence, 0, match.start()))
            # "40% cheaper than GPT-5.2" is a difference, "rose to 88.0 from 85.3" the old score
            relative = bool(match["unit"]) and (RELATIVE_AFTER.match(sentence, match.end()) is not None
                                                or SHARE_OF.match(sentence, match.end()) is not None
                                                or RELATIVE_ZH.search(sentence, 0, match.start()) is not None)
            former = FORMER_SCORE.search(sentence, max(0, match.start() - 80), match.start()) is not None or (
                sentence.endswith("从", 0, match.start()) and FORMER_SCORE_ZH.match(sentence, match.end()) is not None)
            counted = (not match["unit"] and COUNTED_AFTER.match(sentence, match.end())
                       and not SCORE_FOLLOWER.match(sentence, match.end())) or (
                "." not in match["num"] and COUNTED_NAMED_AFTER.match(sentence, match.end()))
            throughput = _throughput(sentence, match) or (   # an MLPerf score: "41,300 tokens per second", "每秒23800个Token"
                ELIDED_THROUGHPUT_ZH.match(sentence, match.end()) and any(_throughput(sentence, n) for n in numbers))
            # ... but a speed beside another benchmark's score is no result of that benchmark ("61.2 on LiveCodeBench
            # v6, and generates about 38 tokens per second on a handset")
            throughput = throughput and not any(mention.kind == "benchmark"
                                                and not self.hardware_benchmark.match(mention.name)
                                                for mention in mentions)
            # MLPerf Training measures time to train: "In MLPerf Training v6.0, 64 PPUs needed 41.2 minutes"
            throughput = throughput or (TIME_TO_TRAIN.match(sentence, match.end()) and any(
                mention.kind == "benchmark" and "Training" in mention.name for mention in mentions))
            rank = RANK_BEFORE.search(sentence, max(0, match.start() - 8), match.start()) or RANK_AFTER.match(
                sentence, match.end())   # "第1名", "No. 3"
            # a round threshold, not a result: "the first open model to break 90", "scores above 80"
            threshold = "." not in match["num"] and THRESHOLD_BEFORE.search(sentence, max(0, match.start() - 20),
                                                                             match.start()) is not None
            # ("On a 64-chip Zhenwu pod": a number joined to a word is a count written as an adjective)
            measure = counted or NOT_A_SCORE.match(sentence, match.end()) or (
                not match["unit"] and HYPHENATED_WORD.match(sentence, match.end()))
            # a number of chips or systems: "a cluster of 64 PPUs", "8 H100s"
            fleet = any(mention.kind in SUBJECT_KINDS and mention.start == match.end() + 1
                        and sentence[match.end()] == " " for mention in mentions)
            # a score with no model: "where the average of the ten best-scoring systems is 31.5"
            average = AVERAGE_BEFORE.search(sentence, max(0, match.start() - 80), match.start()) is not None
            labelled = LABEL_BEFORE.search(sentence, max(0, match.start() - 20), match.start()) is not None   # "tiers 1–3"
            # a day of a month: "the problems published after May 1", "on 30 September"
            dated = re.fullmatch(r"[1-9]|[12]\d|3[01]", match["num"]) is not None and not match["unit"] and (
                MONTH_BEFORE.search(sentence, max(0, match.start() - 12), match.start()) is not None
                or MONTH_AFTER.match(sentence, match.end()) is not None)
            # a product's number: "Snapdragon 8 Elite Gen 5" (a short whole number right after a capitalised word)
            named = (re.fullmatch(r"\d{1,2}", match["num"]) is not None and not match["unit"]
                     and NAME_BEFORE.search(sentence, max(0, match.start() - 20), match.start()) is not None
                     and not any(mention.kind == "benchmark" and mention.end <= match.start() <= mention.end + 1
                                 for mention in mentions))
            excluded = (inside or year or margin or relative or former or rank or threshold or fleet or average or labelled
                        or dated or named)
            if not excluded and (throughput or not measure):
                numbers.append(match)
        return numbers


@dataclass
class _Article:
    """What coreference needs across sentences: the last subject and the last benchmark."""

    subject: Mention | None = None
    benchmark: Mention | None = None
    sentences_since_benchmark: int = 0
    benchmark_unscored: bool = False   # the last sentence named a benchmark and gave no score
    main: Mention | None = None   # the article's own model or chip (the one named most), once named
    predecessor: Mention | None = None   # the model a later "its predecessor" or "上一代" stands for
    last_claim: dict | None = None   # the last benchmark claim of the sentence before
    short_names: dict = field(default_factory=dict)   # "V4" -> the DeepSeek-V4 mention
    unlisted_benchmarks: set = field(default_factory=set)   # tests the gazetteer lacks, once seen as tests

    def short_name(self, name: str) -> Mention | None:
        """The model a short name stands for: "V4" after "DeepSeek-V4", "V3.2-Speciale" after "DeepSeek-V3.2"."""
        return self.short_names.get(name) or next(
            (mention for tail, mention in self.short_names.items() if name.startswith(tail + "-")), None)

    def remember(self, mention: Mention) -> None:
        """The tails of a model's name, for a later short mention: "DeepSeek-V4" -> "V4"."""
        # "讯飞星火X2" -> "X2": a Chinese name's Latin version stands for it too
        parts = re.split(r"[-\s]+|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])", mention.name)
        for index in range(1, len(parts)):
            tail = " ".join(parts[index:])
            # "Maverick" after "Llama 4 Maverick", but not a generic last word ("Pro", "Thinking")
            # (and a chip's model number: "the 830" after "Zhenwu 830")
            if PRODUCT_WORD.search(tail) or (index == len(parts) - 1 and CODENAME.fullmatch(tail)
                                             and not GENERIC_TAIL.fullmatch(tail)) or (
                    mention.kind == "chip" and MODEL_NUMBER.fullmatch(tail)):
                self.short_names.setdefault(tail, mention)


def _own_description(article: _Article, pointer: re.Match) -> bool:
    """A sentence opening on "The model" or "The chip" (not "It", not "The same model") while the last
    subject is a rival of the article's own model or chip of that kind."""
    main, last = article.main, article.subject
    if main is None or last is None or last.id == main.id or pointer.string[:pointer.start()].strip():
        return False
    words = pointer.group(0).lower()
    if words in POSSESSIVE or not words.startswith("the ") or "same" in words:
        return False
    return main.kind == ("chip" if CHIP_DESCRIPTION.search(words) else "model") == last.kind


def _with_tail(sentence: str, mention: Mention) -> Mention:
    """A model or chip with the version words after its known name: "Claude" + " Opus 4.6", and in
    Chinese with no space: "混元" + "T1", "文心" + "5.0"."""
    if CJK_CHAR.match(sentence, mention.end - 1):
        # "真武820", "真武 820" (some sites space Latin and digits from Chinese)
        at = mention.end + (sentence[mention.end:mention.end + 1] == " ")
        version = CJK_VERSION.match(sentence, at) or CJK_NAMED.match(sentence, at)
        if version:
            words = NAME_TAIL.match(sentence, version.end())   # "豆包1.8 Pro"
            end = words.end() if words and not words.group(0)[1:2].isdigit() else version.end()
            return Mention(mention.start, end, mention.id, mention.kind, sentence[mention.start:end])
    tail = NAME_TAIL.match(sentence, mention.end)
    if not tail or (sentence[mention.end - 1].isdigit() and tail.group(0)[1:2].isdigit()):
        return mention
    return Mention(mention.start, tail.end(), mention.id, mention.kind, sentence[mention.start:tail.end()])


def _distinct(mentions) -> list[Mention]:
    """The mentions in order, each model or chip once (the first time it is named)."""
    first: dict[str, Mention] = {}
    for mention in mentions:
        first.setdefault(mention.id, mention)
    return list(first.values())


def _led_by_rival(claim: dict, main_model: str | None) -> bool:
    """A benchmark claim whose subject is a rival and whose comparator, with its score, is the article's model."""
    return (claim["kind"] == "benchmark" and claim["comparator"] == main_model and claim["subject"] != main_model
            and claim["comparator_score"] is not None)


def _rival_scores(found: list[dict], last: dict) -> bool:
    """Claims that only give another model's score on the benchmark of `last`, with no rival of their own."""
    return bool(found) and all(claim["kind"] == "benchmark" and claim["benchmark"] == last["benchmark"]
                               and claim["subject"] not in (last["subject"], last["comparator"])
                               and claim["comparator"] is None for claim in found)


def _score_unit(text: str, number) -> str | None:
    """'%' for a percentage, 'tokens/s' (or queries/s, samples/s) for a throughput, else None."""
    if number["unit"]:
        return "%"
    if TIME_TO_TRAIN.match(text, number.end()):
        return "minutes"
    throughput = _throughput(text, number)
    if throughput is None:
        return None
    what = throughput["what"].lower()
    what = THROUGHPUT_WORDS_ZH.get(what, what if what.endswith("s") else what + "s")
    return f"{what}/s"


def _throughput(text: str, number) -> re.Match | None:
    """The unit of a throughput after a number: "41,300 tokens per second", or in Chinese after 每秒 ("每秒处理
    24310个Token"); None for anything else ("24310个Token" alone counts tokens)."""
    return THROUGHPUT.match(text, number.end()) or (
        THROUGHPUT_ZH.match(text, number.end()) if "每秒" in text[max(0, number.start() - 6):number.start()] else None)


def _benchmark_of(text: str, number, benchmarks: list[Mention], numbers) -> Mention:
    """The benchmark a score is on: the one right after it ("89.3 on CMMLU"), else the last one before
    it with no other score between ("tops the C-Eval leaderboard with a score of 91.7"), else the
    nearest."""
    for benchmark in benchmarks:
        if ON_BENCHMARK.fullmatch(text, number.end(), benchmark.start):
            return benchmark
    before = [benchmark for benchmark in benchmarks if benchmark.end <= number.start()
              and not any(benchmark.end <= other.start() < number.start() for other in numbers)]
    if before:
        return before[-1]
    return min(benchmarks, key=lambda mention: abs(mention.start - number.start()))


def _throughput_end(text: str, number) -> int:
    """Where a score ends: after its unit of speed if it has one ("10,570 tokens per second")."""
    unit = _throughput(text, number)
    return unit.end() if unit else number.end()


def _with_version(sentence: str, mention: Mention) -> Mention:
    """A benchmark with the version written after the name the gazetteer knows: "Arena-Hard| v2",
    "AIME| 2026", "HMMT| '25" (the benchmark is kept as written)."""
    version = BENCHMARK_VERSION.match(sentence, mention.end)
    if not version:
        return mention
    return Mention(mention.start, version.end(), mention.id, mention.kind, sentence[mention.start:version.end()])


def _rival_span(cue) -> tuple[int, int]:
    """Where a Chinese cue names its rival: the `rival` group, `against` in "与X相比，…提升约60%", or
    `ahead` in "领先X约15%"."""
    groups = cue.groupdict()
    group = next((name for name in ("against", "ahead") if groups.get(name) is not None), "rival")
    return cue.span(group)


def _rival_text(cue) -> str:
    start, end = _rival_span(cue)
    return cue.string[start:end]


def _same_model(one: str, other: str) -> bool:
    """The same model named twice, fully or by its family ("Claude" and "Claude Opus 4.5"), but not two versions of
    it ("Qwen3" and "Qwen3.5", "Qwen3" and "Qwen3-Max")."""
    shorter, longer = sorted((one, other), key=len)
    return longer.startswith(shorter) and (len(longer) == len(shorter) or longer[len(shorter)].isspace())


def _overlaps(start: int, end: int, mentions) -> bool:
    """Whether the span start..end shares a character with any of the mentions."""
    return any(start < mention.end and mention.start < end for mention in mentions)


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def _value(number) -> float:
    """A score's value; "每秒2.41万个token" counts in ten thousands: 24,100."""
    value = _float(number["num"])
    return value * 10000 if number.string.startswith("万", number.end()) else value


def _start(item) -> int:
    """Where a mention or a regex match begins."""
    return item.start if isinstance(item, Mention) else item.start()


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_BREAK.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [(begin, end) for begin, end in spans if end > begin]


def _rest_phrase(text: str) -> str:
    """'its predecessor, the company said' -> 'its predecessor'."""
    phrase = re.split(r"[,.;:，。]|\s(?:which|that|in|on|at|for|when)\s", text, maxsplit=1)[0].strip()
    return re.sub(r"^(?:the same number of|that of|those of)\s+", "", phrase)[:60]
