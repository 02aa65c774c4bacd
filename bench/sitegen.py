"""A realistic news site for the benchmarks: N articles (400-900 words each) in three page layouts
full of boilerplate (cookie banner, nav, share bar, related links, newsletter box, footer), an RSS
feed of the latest 200, a sitemap index of monthly urlsets (lastmod, news:publication_date), paginated
listing pages (`a.headline` links, rel=next) and robots.txt.

About a third of the articles cover Alibaba's AI push (Qwen, T-Head chips, spending, regulators) with
money figures, analyst quotes and benchmark claims; the rest are other tech, markets, sport and
weather. Text comes from sentence templates and word lists (no external data), seeded, so the same
arguments always give the same site. Absolute links use `__BASE_URL__`, which
`newsmon.siteserver.StaticSite` replaces with its own address. `site.json` lists what was written.

Run: .venv/bin/python -m bench.sitegen [--articles 2000] [--seed 7] [OUT_DIR]   (default bench/out/site)"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

GENERATOR_VERSION = 1
BASE = "__BASE_URL__"
END = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)   # the newest article's day; fixed for determinism
SITE_NAME = "Harbour Street Journal"
PER_LISTING_PAGE = 20
FEED_ITEMS = 200

# Word lists -----------------------------------------------------------------------------------------

FIRST = ("Wei Li Min Hao Jing Ying Priya Kelvin Olivia Marcus Sofia Kenji Daniel Grace Arjun Hannah Tomás "
         "Aisha Lucas Mei Chen Yuki Ravi Elena Omar Clara Jonas Fatima Ethan Nadia Victor Lena Samuel Ines "
         "Rohan Zoe Felix Amara").split()
LAST = ("Zhang Wang Liu Chen Huang Zhao Ng Ho Tan Lim Raman Grant Reid Marques Watanabe Okafor Fischer Rossi "
        "Novak Patel Kowalski Dubois Jensen Moreau Silva Nakamura Haddad Kim Park Lindqvist Ortega Baker "
        "Mensah Costa Varga Ahmed Yilmaz Brennan").split()
FIRMS = ["Bernstein", "Morgan Stanley", "Jefferies", "HSBC", "Nomura", "CLSA", "Macquarie", "UBS", "Citi",
         "Goldman Sachs", "Morningstar", "Counterpoint Research", "Harbourline Securities", "Eastgate Capital",
         "Tidewater Research", "Redwood Asset Management", "Kestrel Partners", "Meridian Advisory"]
ROLES = ["head of Asia technology research", "senior analyst", "portfolio manager", "chief economist",
         "semiconductor analyst", "China internet analyst", "equity strategist", "managing director",
         "research director", "chief investment officer"]
QWEN = ["Qwen3-Max", "Qwen3-Coder", "Qwen2.5-VL", "QwQ-32B", "Qwen3.5", "Qwen3-235B", "Qwen3-Omni"]
RIVAL_MODELS = ["DeepSeek-R1", "GPT-4o", "Claude", "Gemini", "Llama", "Kimi", "Doubao", "Ernie", "GPT-5"]
BENCHMARKS = ["MMLU-Pro", "GPQA", "LiveCodeBench", "AIME", "SWE-bench Verified", "Arena-Hard", "C-Eval",
              "HumanEval", "MATH-500"]
CHIPS = ["T-Head PPU", "Hanguang 800", "Yitian 710", "Zhenyue 510"]
RIVAL_CHIPS = ["Nvidia's H20", "Nvidia's H200", "Huawei's Ascend 910C", "Cambricon's Siyuan accelerators",
               "AMD's MI300X"]
REGULATORS = ["the Cyberspace Administration of China", "the Ministry of Industry and Information Technology",
              "the State Administration for Market Regulation", "the National Development and Reform Commission",
              "the US Commerce Department", "the Bureau of Industry and Security", "the European Commission",
              "the China Securities Regulatory Commission"]
ALIBABA_UNITS = ["Alibaba", "Alibaba Cloud", "Alibaba Group", "T-Head", "Taobao", "DingTalk", "Quark"]
TECH_COMPANIES = ["Xiaomi", "Apple", "Samsung", "Microsoft", "Tencent", "Baidu", "Meituan", "JD.com", "Oracle",
                  "Lenovo", "Sony", "Nintendo", "BYD", "Nio", "Infineon", "Siemens", "SAP", "Adobe"]
PRODUCTS = ["smartphone", "electric SUV", "cloud database", "gaming console", "laptop line", "smart speaker",
            "tablet", "payments app", "video service", "office suite"]
CITIES = ["Hong Kong", "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Singapore", "Tokyo", "London",
          "New York", "Frankfurt", "Sydney", "Seoul", "Taipei", "Mumbai", "Paris", "Toronto"]
INDEXES = ["the Hang Seng Index", "the CSI 300", "the S&P 500", "the Nikkei 225", "the FTSE 100", "the DAX",
           "the Kospi", "the Nasdaq Composite", "the STOXX 600"]
ASSETS = ["Brent crude", "gold", "copper", "iron ore", "the yen", "the offshore yuan", "the euro",
          "ten-year Treasury yields", "soybean futures", "natural gas"]
TEAMS = ["Liaoning Flying Leopards", "Guangdong Southern Tigers", "Shanghai Port", "Shandong Taishan",
         "Harbour City FC", "Eastern Rovers", "Riverside United", "Northgate Athletic", "Kowloon Dragons",
         "Pearl River Sharks", "Westfield Wanderers", "Bayview Mariners"]
SPORTS = ["the league", "the cup", "the championship", "the regional final", "the playoffs"]
WEATHER_EVENTS = ["typhoon", "cold front", "heatwave", "rainstorm", "sandstorm", "blizzard", "monsoon trough"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "this week",
        "late on Thursday", "earlier this month", "on Sunday"]
RARE = ("quarterly fiscal provincial logistics overseas consolidated infrastructure procurement semiconductor "
        "lithography inference subsidy tariff antitrust valuation liquidity dividend buyback margin guidance "
        "throughput latency bandwidth wafer foundry packaging memory datacentre hyperscaler sovereign "
        "compliance licence filing disclosure").split()


def person(rng) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def money(rng) -> str:
    amount = rng.choice([rng.randint(2, 95), round(rng.uniform(1.1, 9.9), 1), rng.choice([100, 120, 150, 380, 480])])
    scale = "million" if isinstance(amount, int) and amount >= 100 else "billion"
    return rng.choice([f"¥{amount} {scale}", f"US${amount} {scale}", f"RMB {amount} {scale}", f"{amount} {scale} yuan",
                       f"${amount} {scale}", f"HK${amount} {scale}", f"Rmb{amount}bn" if scale == "billion" else
                       f"€{amount} {scale}"])


SLOTS = {
    "person": person, "firm": lambda rng: rng.choice(FIRMS), "role": lambda rng: rng.choice(ROLES),
    "money": money, "money2": money,
    "pct": lambda rng: rng.choice([f"{round(rng.uniform(0.3, 48), 1)}%", f"{rng.randint(2, 60)} per cent"]),
    "pct2": lambda rng: f"{round(rng.uniform(0.2, 9.5), 1)}%",
    "qwen": lambda rng: rng.choice(QWEN), "rival_model": lambda rng: rng.choice(RIVAL_MODELS),
    "bench": lambda rng: rng.choice(BENCHMARKS), "score": lambda rng: f"{round(rng.uniform(55, 92), 1)}",
    "score2": lambda rng: f"{round(rng.uniform(50, 90), 1)}", "chip": lambda rng: rng.choice(CHIPS),
    "rival_chip": lambda rng: rng.choice(RIVAL_CHIPS), "regulator": lambda rng: rng.choice(REGULATORS),
    "unit": lambda rng: rng.choice(ALIBABA_UNITS), "company": lambda rng: rng.choice(TECH_COMPANIES),
    "product": lambda rng: rng.choice(PRODUCTS), "products": lambda rng: rng.choice(PRODUCTS) + "s", "city": lambda rng: rng.choice(CITIES),
    "index": lambda rng: rng.choice(INDEXES), "asset": lambda rng: rng.choice(ASSETS),
    "team": lambda rng: rng.choice(TEAMS), "team2": lambda rng: rng.choice(TEAMS), "comp": lambda rng: rng.choice(SPORTS),
    "event": lambda rng: rng.choice(WEATHER_EVENTS), "day": lambda rng: rng.choice(DAYS),
    "count": lambda rng: f"{rng.randint(2, 900)} million", "n": lambda rng: str(rng.randint(2, 40)),
    "temp": lambda rng: str(rng.randint(-12, 39)), "mm": lambda rng: str(rng.randint(20, 380)),
    "kmh": lambda rng: str(rng.randint(60, 210)), "word": lambda rng: rng.choice(RARE),
    "goals": lambda rng: f"{rng.randint(0, 4)}-{rng.randint(0, 3)}", "pts": lambda rng: str(rng.randint(78, 121)),
}

# Sentence templates: [a|b] picks one alternative, {slot} fills from SLOTS; {S} is the article's subject.
TOPICS = {
    "qwen": ("AI", """\
{S} [released|unveiled|open-sourced|launched] {qwen} {day}, [saying|claiming] it [beats|rivals|matches] {rival_model} on [coding|reasoning|maths] tasks.
{qwen} scored {score} on {bench}, ahead of {rival_model}'s {score2}, according to [figures published by the company|the model card|a technical report].
On {bench}, {qwen} [reached|posted|achieved] {score}%, compared with {score2}% for {rival_model}.
Downloads of Qwen models [have passed|now exceed|topped] {count}, and developers have built [more than|over] {n}0,000 derivative models on them.
The Qwen app [passed|reached|crossed] {count} monthly active users after it was [built into|bundled with|linked to] Taobao and Alipay.
{S} [plans to spend|is committing|has set aside] {money} on [user incentives|subsidies|promotions] for the Qwen app [over the Lunar New Year|this quarter|in the coming months].
"[This is a statement of strategic intent|The model is genuinely impressive|Open weights are a clever way to win developers|The growth numbers look strong]," said {person}, {role} at {firm}.
"[The incentives are costly and may not last|Users acquired with subsidies tend to churn|The app still has to prove it can make money|Benchmark wins do not guarantee revenue]," said {person}, {role} at {firm}.
{person}, {role} at {firm}, said the [release|launch|update] [puts pressure on|raises the bar for|is a challenge to] {rival_model} in China.
The [company|group] [said|added] the model was trained on [{n} trillion tokens|a larger multilingual corpus|more synthetic data] and supports [119 languages|longer documents|tool use].
Independent testers at [LMArena|Artificial Analysis|OpenCompass] [ranked|placed] {qwen} [among the top five open models|first among Chinese models|close to the leaders].
The [release|update] [adds|brings|introduces] [a longer context window|agent features|better tool calling|image understanding] and [costs|is priced at] {money} per million tokens through Alibaba Cloud.
[Enterprise customers|Developers|Start-ups] in {city} [said|told Harbour Street] they had [switched to|started testing|moved workloads onto] {qwen} because of [price|licensing|performance].
{S} [said|claimed] {qwen} is [twice as fast as|cheaper than|more efficient than] {rival_model} at [inference|long documents|coding].
The [model|family] is [released under|available with|licensed on] [an Apache 2.0 licence|open weights|commercial terms] on [ModelScope|Hugging Face|GitHub].
Rivals [responded|reacted] [quickly|within days]: [ByteDance|Tencent|Baidu|DeepSeek] [cut prices|released an update|announced a new model] {day}.
"""),
    "chips": ("Chips", """\
{S} [unveiled|detailed|began shipping] the {chip}, an in-house AI [accelerator|processor|chip] aimed at [replacing|competing with] {rival_chip}.
The {chip} delivers [about|roughly|up to] {n}0 TFLOPS and is [made|manufactured|produced] on a [7-nanometre|5-nanometre|12-nanometre] process, people familiar with the matter said.
{S} has placed orders worth [about|roughly|more than] {money} for AI chips from [Huawei|Cambricon|domestic suppliers], as supply of {rival_chip} [dries up|tightens|stalls].
The {chip} is [three times faster than|twice as fast as|40% faster than] its predecessor and [on par with|comparable to|close to] {rival_chip} in inference, the company said.
"[A slower chip you can buy beats a faster chip you can't|Software support is the real bottleneck|The chip is a hedge against export controls|Volumes are still too small to matter]," said {person}, {role} at {firm}.
Analysts at {firm} estimate T-Head could ship [{n}0,000|{n}00,000] units next year, worth [about|nearly] {money}.
Chinese foundries may lack the capacity to make the {chip} in volume before [2027|2028|the end of the decade], according to {firm}.
{regulator} [tightened|extended|clarified] rules on exports of advanced chips to China {day}, [hitting|affecting|complicating] {S}'s plans.
Shares of [Cambricon|SMIC|Hua Hong] [rose|jumped|fell] {pct2} in [Shanghai|Hong Kong] after the [announcement|report|news].
[Data centre|Server|Cloud] [operators|builders|customers] in {city} said [lead times|prices|allocations] for AI accelerators had [doubled|risen sharply|stabilised] since the summer.
T-Head, [founded|set up|created] in 2018, also [designs|sells|licenses] [RISC-V processors|server CPUs|video chips] used across {S}'s data centres.
The [chip|accelerator] [supports|runs|handles] [training and inference|large language models|recommendation systems] and [uses|relies on|pairs with] [high-bandwidth memory|domestic memory|an in-house interconnect].
[Nvidia|AMD|Huawei] [declined to comment|did not respond|said it continued to serve customers] on [the report|competition in China|the orders].
"""),
    "spend": ("Business", """\
{S} will spend [at least|more than|about] {money} on [AI infrastructure|cloud computing|data centres] over the next three years, [executives said|the company said|it told investors].
Capital expenditure [rose|climbed|jumped] {pct} to {money} in the [September|June|December] quarter, [above|below|in line with] analysts' estimates.
Cloud revenue [grew|rose|accelerated] {pct} from a year earlier to {money}, [driven by|helped by|thanks to] demand for AI services.
[Free cash flow|Operating profit|Adjusted earnings] [fell|dropped|declined] {pct} to {money2} as spending [ramped up|increased|accelerated].
"[The spending is a tailwind for cloud growth|Investors worry the returns will take years|The capex numbers are eye-watering|Margins are under real pressure]," said {person}, {role} at {firm}.
{person} of {firm} [raised|cut|kept] the price target on {S} to {money}, [citing|pointing to|noting] [AI demand|margin pressure|buyback capacity].
The group also [announced|expanded|completed] a share buyback of {money2} and [a dividend of|dividends worth] {money}.
[Management|Chief executive Eddie Wu|Finance chief Toby Xu] told analysts the [investment|spending|build-out] would [continue|accelerate|stay elevated] [through 2027|for several years|as long as demand holds].
The [company|group] [expects|forecast|guided for] [cloud growth|AI revenue|margins] to [accelerate|improve|stabilise] in the [coming quarters|second half|next fiscal year].
[Customer management revenue|International commerce revenue|Quick commerce losses] [rose|widened|narrowed] {pct} to {money2} in the period.
[Rival|Peer] [Tencent|ByteDance|Baidu] [has also raised|plans to raise|is weighing] its own AI budget to about {money}, [according to|people familiar with the plans told] {firm}.
{S} [shares|stock] [rose|fell|gained|slipped] {pct2} in Hong Kong {day}, [outperforming|lagging] {index}.
"""),
    "regulation": ("Policy", """\
{regulator} [summoned|fined|questioned|registered] {S} {day} over [the bundling of AI features|data handling|merchant rankings|its generative AI service].
{S} was [fined|ordered to pay|told to set aside] {money} after {regulator} found [anticompetitive practices|data violations|unfair pricing].
Under rules [issued|published|finalised] by {regulator}, generative AI services must [file algorithms|label synthetic content|pass security reviews] before release.
"[Regulators want growth without another crackdown|The rules add compliance cost but remove uncertainty|This is a warning shot to the whole sector|The scrutiny is not going away]," said {person}, {role} at {firm}.
{regulator} [added|is weighing adding|removed] [Chinese AI firms|chip makers|cloud providers] to [the Entity List|export restrictions|its watch list], [people familiar with the matter said|according to a filing].
The [rule|measure|guidance] covers [AI chips|cloud services|model weights] worth [an estimated|about|up to] {money} a year, according to {firm}.
{S} said it would [comply fully|cooperate with the review|appeal the decision] and that [its services were unaffected|customers would not notice changes|it had already made changes].
[Lawyers|Compliance officers|Policy experts] in {city} said [the wording|the scope|enforcement] of the [rules|guidance|law] remained [vague|broad|untested].
The [review|probe|investigation] [is expected to|could|may] take [several months|until the end of the year|weeks], [during which|while] {S} [can continue|must pause] [new launches|the rollout|sales].
{regulator} [registered|approved|cleared] {n} generative AI [services|models] in the latest batch, [including|among them] [offerings from|products by] {S}.
[Washington|Brussels|Beijing] [has stepped up|has softened|is reviewing] its [scrutiny|approach|stance] on [Chinese cloud providers|AI exports|platform companies] [this year|since the summer|in recent months].
"""),
    "tech": ("Technology", """\
{S} [launched|unveiled|announced] a new {product} {day}, priced from {money} in [China|Europe|the United States].
The {product} [sold out|shipped|went on sale] in {n} minutes, {S} said, [though|and] analysts [doubted|welcomed] the figures.
{S} reported revenue of {money} for the quarter, up {pct} from a year earlier, [beating|missing|matching] forecasts.
"[Demand is holding up better than expected|The pricing is aggressive|Competition in this market is brutal|The launch was well executed]," said {person}, {role} at {firm}.
Shipments of {products} [rose|fell|grew] {pct} in the third quarter, according to [Canalys|IDC|Counterpoint].
{S} [will cut|plans to hire|is adding] [{n}00|{n},000] [jobs|engineers|staff] in {city} as it [restructures|expands|reorganises] its {word} business.
[The company|The firm|{S}] also [updated|refreshed|revamped] its {word} [software|service|platform] and [dropped|added|expanded] support for older devices.
[Reviewers|Early buyers|Retail staff] [praised|criticised|questioned] the [battery life|price|camera|software] of the new {product}.
{S} [faces|is fighting|has lost] [a patent dispute|an antitrust complaint|a supply shortage] in [Europe|India|the United States] [over|involving] its {products}.
[Gross margin|Operating margin] [narrowed|widened|improved] to {pct} as [component costs|marketing spending|discounts] [rose|fell|eased].
The [launch|product] [is aimed at|targets|is built for] [younger buyers|small businesses|gamers|commuters] in [Asia|Europe|emerging markets].
"""),
    "markets": ("Markets", """\
{index} [rose|fell|climbed|slid] {pct2} to close at [a two-month high|a six-week low|its highest since March] {day}.
{asset} [gained|lost|rose|fell] {pct2} as traders [weighed|digested|priced in] [inflation data|central bank comments|the jobs report].
[Foreign investors|Mainland funds|Hedge funds] [bought|sold|were net sellers of] a net {money} of [shares|bonds|futures] {day}, exchange data showed.
"[Markets are pricing in too many rate cuts|Liquidity is the main driver|Valuations are stretched|The rally has further to run]," said {person}, {role} at {firm}.
[Banks|Property developers|Technology shares|Energy stocks] [led|dragged] the [gains|declines], with [turnover|volume] [above|below] the 20-day average.
The [central bank|Federal Reserve|People's Bank of China] [kept|left|set] its [benchmark rate|loan prime rate|policy rate] at {pct2}, [as expected|surprising some economists].
Bond yields [edged|moved|climbed] {n} basis points [higher|lower] in {city} trading {day}.
[Trading|Turnover|Volume] in {city} [was thin|picked up|slowed] ahead of [a holiday|the central bank meeting|inflation figures due {day}].
[Gold|Oil|Copper] [traders|dealers|analysts] [pointed to|cited|blamed] [a stronger dollar|supply disruptions|weaker demand from China] for the [move|swing|decline].
The [yen|yuan|euro|Australian dollar] [firmed|weakened|steadied] to [a one-month high|a three-week low|its strongest level since August] against the dollar.
[Retail investors|Pension funds|Insurers] have [poured|pulled] [about|nearly|more than] {money} [into|out of] [equity funds|money-market funds|bond funds] this month.
"""),
    "sport": ("Sport", """\
The {team} beat the {team2} {goals} in {city} {day} to [move top of|stay in contention in|reach the final of] {comp}.
[The visitors|The home side|The champions] [scored|conceded|came back] [twice in the last ten minutes|early in the second half|from a set piece] in front of [{n},000|a sell-out crowd of {n},000] fans.
"[We showed real character today|It was not our best performance|The players deserved this|We have to be more clinical]," [said|told reporters] the [coach|captain|manager], {person}.
{person} [scored|added|finished with] [{n} points|two goals|a hat-trick] as the {team} [extended their winning run|ended a losing streak|secured the title].
The {team} [won|lost] {pts}-{pts} in overtime, their [{n}th|first|second] [win|defeat] of the season.
[Tickets|The match|The final] [sold out|drew|attracted] [within hours|{n},000 spectators|a record audience] on streaming platforms.
[Injuries|Suspensions|Fixture congestion] [have left|left|meant] the {team} [without|short of] [three regular starters|their first-choice goalkeeper|key defenders] for the game.
The [next round|return leg|next match] [is scheduled|takes place|will be played] in {city} [next weekend|on Wednesday|after the international break].
[Fans|Supporters|Pundits] [criticised|questioned|defended] the [referee|decision|tactics] after a [disputed penalty|late red card|video review] in the [first half|closing minutes].
The {team} [sit|remain|moved] [{n} points|two places|level on points] [clear of|behind|ahead of] the {team2} [in the standings|at the top of the table].
"""),
    "weather": ("Weather", """\
A {event} is expected to bring [heavy rain|strong winds|freezing temperatures|snow] to {city} {day}, forecasters said.
The observatory [issued|raised|lowered] its [red|amber|No. 8|black] [warning|signal] as gusts reached {kmh} km/h.
Up to {mm} millimetres of rain fell in [parts of|northern|southern] {city} [overnight|within three hours|on Saturday], [flooding roads|closing schools|disrupting flights].
Temperatures [dropped to|rose to|reached] {temp} degrees Celsius, [the lowest|the highest] reading for [the date|November|the season] since records began.
"[Residents should stay indoors|The worst is yet to come|This system is moving faster than forecast|Drivers should avoid coastal roads]," said {person}, a forecaster at the [observatory|meteorological bureau|weather service].
[Airlines|Ferry operators|Rail services] [cancelled|delayed|suspended] [{n}0 flights|services|departures] and [warned|advised] travellers to check before leaving.
[Forecasters|Meteorologists|The weather service] said [conditions|temperatures|winds] would [ease|improve|worsen] [by Tuesday|later in the week|over the weekend].
[Farmers|Fishermen|Construction crews] in [coastal|rural|northern] areas were [told|urged|advised] to [secure equipment|stop work|return to port] [before nightfall|immediately|until further notice].
The [government|city|authorities] [opened|prepared|staffed] {n} [temporary shelters|cold-weather centres|emergency stations] [across|around] {city}.
[Power|Water|Mobile phone] [outages|disruptions|cuts] [affected|hit|were reported in] [about {n},000 homes|several districts|outlying villages], [utility|local] officials said.
"""),
}
TOPIC_WEIGHTS = {"qwen": 9, "chips": 9, "spend": 8, "regulation": 8, "tech": 17, "markets": 17, "sport": 16, "weather": 16}
SUBJECTS = {"qwen": ALIBABA_UNITS[:3], "chips": ["Alibaba", "T-Head", "Alibaba Cloud"], "spend": ALIBABA_UNITS[:3],
            "regulation": ["Alibaba", "Alibaba Cloud", "Taobao", "Ant Group"], "tech": TECH_COMPANIES,
            "markets": INDEXES, "sport": TEAMS, "weather": CITIES}
HEADLINES = {
    "qwen": ["{S} [releases|unveils] {qwen}, claiming [an edge over|parity with] {rival_model}", "Qwen app tops {count} users as {S} [ramps up|doubles down on] incentives",
             "{qwen} [beats|trails] {rival_model} on {bench} in new tests"],
    "chips": ["{S} [unveils|ships] {chip} to [cut reliance on|rival] {rival_chip}", "{S} orders {money} of domestic AI chips",
              "Export rules [cloud|complicate] {S}'s AI chip plans"],
    "spend": ["{S} [lifts|raises] AI spending to {money}", "{S} cloud revenue [jumps|grows] {pct} on AI demand",
              "{S} capex [surges|climbs] as it [chases|pursues] AI growth"],
    "regulation": ["{regulator} [summons|fines] {S} over [AI bundling|data practices]", "New AI rules [tighten|raise] the bar for {S}",
                   "{S} [faces|wins] [review|approval] from {regulator}"],
    "tech": ["{S} [launches|unveils] new {product} priced from {money}", "{S} revenue [rises|falls] {pct} as {product} demand [shifts|holds up]",
             "{S} to [cut|add] jobs in {city}"],
    "markets": ["{S} [rises|falls] {pct2} as traders weigh [rates|data|earnings]", "{asset} [slides|climbs] as {city} markets [wobble|rally]",
                "Stocks [edge higher|slip] {day} in {city}"],
    "sport": ["{S} beat {team2} {goals} in {city}", "{S} [extend|end] run with [overtime|late] win", "{S} [reach|miss out on] {comp}"],
    "weather": ["{event} [to hit|batters] {city} with [heavy rain|strong winds]", "{city} [issues|lifts] [red|amber] warning as {event} nears",
                "Record [cold|heat] in {city} as {event} sets in"],
}
GENERIC = """\
The [company|group|organisation] did not respond to a request for comment {day}.
[Details|Terms|The figures] were not disclosed, and [people familiar with the matter|two people briefed on the plans] asked not to be named because the information is private.
The news comes as [investors|analysts|customers] [look for|wait for|weigh] signs of [a recovery|slower growth|more competition] in {city}.
[A spokesperson|A spokeswoman|A spokesman] [declined to comment|said the company would provide an update|referred questions to a statement].
The {word} [question|issue|debate] has [dominated|shaped|clouded] discussions in {city} for [months|weeks|much of the year].
[Earlier|Last year|In the summer], [a similar|a smaller|a rival] [plan|announcement|move] drew [criticism|praise|little attention] from {firm}.
[Further|More] details are expected [at an event in {city}|in the next quarterly report|later this month].
[Officials|Executives|Organisers] said they would [review|revisit|publish] the {word} [figures|plans|numbers] [in December|next year|after the holiday].
[Some|Several|A few] [observers|economists|industry veterans] [cautioned|pointed out|argued] that the {word} [picture|outlook|trend] could change quickly.
It was [not immediately clear|unclear|too early to say] how the [change|decision|announcement] would affect [prices|jobs|customers] in {city}.
The [figures|numbers|results] were [compiled|published|released] by [the statistics bureau|an industry association|{firm}] on [Friday|Tuesday|Wednesday].
[Critics|Supporters|Local officials] [say|argue|believe] the {word} [plan|policy|approach] [goes too far|does not go far enough|strikes the right balance].
[Over the past decade|Since the pandemic|In recent years], the {word} [market|sector|business] in {city} has [changed|grown|consolidated] [rapidly|steadily|dramatically].
[A report|A survey|A study] by {firm} [found|suggested|showed] that [most|about half of|fewer than a third of] [respondents|companies|households] [expected|feared|planned] [higher costs|a slowdown|more investment].
[That|This] [compares with|is up from|is down from] {pct} [a year ago|in the previous quarter|before the pandemic], the [data|figures] showed.
[Reporters|Correspondents] in {city} [saw|described|noted] [long queues|quiet streets|a busy trading floor] [on the day|that morning|as the news spread].
[The move|The decision|The announcement] [follows|comes after|echoes] [a similar step|months of speculation|a series of setbacks] [at rival firms|in neighbouring markets|earlier in the year].
[Asked about|Pressed on|Questioned over] the {word} [timeline|costs|plans], [the executive|the official|the spokesperson] [said only that|would say only that|insisted] [work was continuing|talks were ongoing|a decision would come soon].
[Analysts|Economists|Strategists] [polled|surveyed|contacted] by [Harbour Street|the newspaper] had [expected|forecast|pencilled in] [a smaller change|a bigger move|little change].
[In|Across] {city}, [businesses|residents|commuters] [reported|complained of|adjusted to] [delays|higher prices|new rules] [this week|in recent days|since the start of the month].
"""


def _parse(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip()]


TEMPLATES = {topic: _parse(text) for topic, (_, text) in TOPICS.items()}
GENERIC_TEMPLATES = _parse(GENERIC)
CHOICE = re.compile(r"\[([^\[\]]*)\]")
SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random, subject: str) -> str:
    text = CHOICE.sub(lambda match: rng.choice(match.group(1).split("|")), template)
    text = SLOT.sub(lambda match: subject if match.group(1) == "S" else SLOTS[match.group(1)](rng), text)
    return re.sub(r"\s+([,.%])", r"\1", text.replace("  ", " "))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _deck(templates: list[str], rng: random.Random):
    """Templates in a shuffled order, reshuffled when used up: an article repeats itself as little as it can."""
    while True:
        yield from rng.sample(templates, len(templates))


def write_article(index: int, seed: int, count: int) -> dict:
    """One article's words and metadata; only the index and seed decide it."""
    rng = random.Random(f"{seed}:{index}")
    topic = rng.choices(list(TOPIC_WEIGHTS), weights=list(TOPIC_WEIGHTS.values()))[0]
    subject = rng.choice(SUBJECTS[topic])
    title = fill(rng.choice(HEADLINES[topic]), rng, subject)
    title = title[0].upper() + title[1:]
    target, paragraphs, words = rng.randint(400, 900), [], 0
    topical, generic = _deck(TEMPLATES[topic], rng), _deck(GENERIC_TEMPLATES, rng)
    while words < target:
        sentences = [fill(next(topical) if rng.random() < 0.7 else next(generic), rng, subject)
                     for _ in range(rng.randint(2, 4))]
        paragraph = " ".join(sentence[0].upper() + sentence[1:] for sentence in sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    # Spread over ~60 days, newest first by index; a fixed time of day per article.
    published = END - timedelta(minutes=int(index * 60 * 24 * 60 / max(count, 1))) - timedelta(minutes=rng.randint(0, 40))
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:9]) + f"-{index}"
    layout = rng.choice(["story", "story", "markets", "wire"])
    prefix = {"story": "", "markets": "/markets", "wire": "/wire"}[layout]
    path = f"{prefix}/{published:%Y/%m/%d}/{slug}.html"
    return {"index": index, "topic": topic, "section": TOPICS[topic][0], "title": title, "summary": _shorten(paragraphs[0], 180),
            "paragraphs": paragraphs, "words": words, "author": person(rng), "published": published,
            "layout": layout, "path": path}


# Pages --------------------------------------------------------------------------------------------------

NAV = "".join(f'<li><a href="/topics/{name.lower()}.html">{name}</a></li>'
              for name in ["AI", "Chips", "Policy", "Markets", "Business", "Technology", "Sport", "Weather"])
HEADER = f"""<div id="cookie-banner" class="cookie-banner" role="dialog"><p>We use cookies to remember your preferences, measure
traffic and show you relevant advertising. By clicking &ldquo;Accept all&rdquo; you agree to the storing of cookies on your device.
<a href="/privacy.html#cookies">Cookie policy</a></p><button class="btn-accept">Accept all</button><button class="btn-reject">Reject
non-essential</button></div>
<header class="site-header"><div class="topbar"><a href="/newsletter.html">Newsletters</a> <a href="/about.html">About us</a>
<a class="btn-subscribe" href="/subscribe.html">Subscribe</a></div><a class="logo" href="/index.html">{SITE_NAME}</a>
<nav class="main-nav" aria-label="Main"><ul><li><a href="/index.html">Home</a></li><li><a href="/news/index.html">Latest</a></li>{NAV}</ul></nav>
<form class="site-search" action="/search" role="search"><input name="q" type="search" placeholder="Search"><button>Search</button></form></header>"""
FOOTER = f"""<footer class="site-footer"><nav class="footer-nav"><ul><li><a href="/about.html">About {SITE_NAME}</a></li>
<li><a href="/contact.html">Contact us</a></li><li><a href="/privacy.html">Privacy policy</a></li><li><a href="/terms.html">Terms of use</a></li>
<li><a href="/feed.xml">RSS</a></li><li><a href="/sitemap.xml">Sitemap</a></li></ul></nav>
<p class="social">Follow us: <a href="https://x.com/harbourstreet">X</a> &middot; <a href="https://www.linkedin.com/company/harbourstreet">LinkedIn</a></p>
<p class="copyright">&copy; 2026 {SITE_NAME} Ltd. All rights reserved. Reproduction in whole or in part without permission is prohibited.</p></footer>"""
NEWSLETTER = """<section class="newsletter-signup"><h2>Get the Morning Briefing</h2><p>Our editors&rsquo; pick of the day&rsquo;s most
important stories, in your inbox every weekday.</p><form action="/newsletter/subscribe" method="post"><input name="email" type="email">
<button>Sign up</button></form><p class="fineprint">By signing up you agree to our <a href="/terms.html">terms</a>.</p></section>"""


def _share(url: str, title: str) -> str:
    quoted = html.escape(title).replace(" ", "%20")
    return (f'<div class="share-tools"><p class="share-label">Share this article</p><ul class="share-buttons">'
            f'<li><a href="https://twitter.com/intent/tweet?url={url}&amp;text={quoted}">Share on X</a></li>'
            f'<li><a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a></li>'
            f'<li><a href="https://www.linkedin.com/sharing/share-offsite/?url={url}">LinkedIn</a></li>'
            f'<li><a href="mailto:?subject={quoted}&amp;body={url}">Email</a></li>'
            f'<li><button class="share-copy" data-url="{url}">Copy link</button></li></ul></div>')


def _related(article: dict, others: list[dict]) -> str:
    items = "".join(f'<li><a href="{other["path"]}">{html.escape(other["title"])}</a> '
                    f'<time datetime="{other["published"]:%Y-%m-%dT%H:%M:%SZ}">{other["published"]:%d %b}</time></li>'
                    for other in others)
    return f'<aside class="related-stories"><h2>Related stories</h2><ul>{items}</ul></aside>'


def article_page(article: dict, related: list[dict]) -> str:
    url, title, when = BASE + article["path"], html.escape(article["title"]), article["published"]
    iso = f"{when:%Y-%m-%dT%H:%M:%SZ}"
    body = [f"<p>{html.escape(paragraph)}</p>" for paragraph in article["paragraphs"]]
    if len(body) > 3:
        body.insert(3, '<aside class="inline-promo"><p class="promo-label">Newsletter</p><p><a href="/newsletter.html">'
                       'Sign up for the Morning Briefing</a> &ndash; free, every weekday.</p></aside>')
    author = html.escape(article["author"])
    meta = (f'<meta name="description" content="{html.escape(article["summary"])}"><meta name="author" content="{author}">'
            f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">'
            f'<meta property="og:site_name" content="{SITE_NAME}"><meta property="og:title" content="{title}">'
            f'<meta property="article:section" content="{article["section"]}">')
    if article["layout"] == "story":
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
                         "datePublished": iso, "author": [{"@type": "Person", "name": article["author"]}],
                         "publisher": {"@type": "Organization", "name": SITE_NAME}, "url": url}, ensure_ascii=False)
        meta += f'<meta property="article:published_time" content="{iso}"><script type="application/ld+json">{ld}</script>'
        main = (f'<main id="main-content"><nav class="breadcrumb"><ol><li><a href="/index.html">Home</a></li><li>'
                f'<a href="/topics/{article["section"].lower()}.html">{article["section"]}</a></li></ol></nav>'
                f'<article class="story"><header class="story-header"><p class="kicker">{article["section"]}</p><h1>{title}</h1>'
                f'<p class="byline">By <span class="author-name">{author}</span></p><p class="dateline"><time datetime="{iso}">'
                f'{when:%a %d %b %Y %H:%M} GMT</time></p>{_share(url, article["title"])}</header>'
                f'<div class="story-body">{"".join(body)}</div><footer class="story-footer"><ul class="tags"><li>'
                f'<a rel="tag" href="/topics/{article["section"].lower()}.html">{article["section"]}</a></li></ul>'
                f'<p class="standards">Spotted an error? <a href="/contact.html">Tell us</a>.</p></footer></article>'
                f'{_related(article, related)}{NEWSLETTER}<div class="ad-slot">Advertisement</div></main>')
    elif article["layout"] == "markets":
        meta += f'<meta name="pubdate" content="{when:%Y%m%dT%H%M%SZ}">'
        ticker = "".join(f'<li>{index.replace("the ", "")} <span class="chg">{(i * 37 % 19 - 9) / 10:+.1f}%</span></li>'
                         for i, index in enumerate(INDEXES))
        main = (f'<div class="ticker"><ul>{ticker}</ul></div><main class="markets-page"><div class="article-wrapper">'
                f'<h1 class="headline">{title}</h1><div class="meta"><span class="by">{author}</span> '
                f'<time datetime="{iso}">{when:%d %B %Y}</time></div>{_share(url, article["title"])}'
                f'<div id="article-body" class="article-body">{"".join(body)}</div><section class="comments"><h3>Comments</h3>'
                f'<p>Comments are closed for this article. Read our <a href="/terms.html#community">community guidelines</a>.'
                f'</p></section></div><aside class="sidebar"><h2>Most read</h2>{_related(article, related[:3])}'
                f'<div class="ad-slot">Advertisement</div></aside></main>')
    else:
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
                         "datePublished": iso}, ensure_ascii=False)
        meta += f'<script type="application/ld+json">{ld}</script>'
        main = (f'<main class="wire"><div class="wire-header"><span class="wire-label">Wire</span></div><h1>{title}</h1>'
                f'<p class="wire-meta"><time datetime="{iso}">{when:%B %d, %Y %I:%M %p} UTC</time></p>'
                f'<div class="article-text">{"".join(body)}<p class="credit">Reporting by {author}; Editing by '
                f'{html.escape(related[0]["author"]) if related else "the desk"}</p></div><p class="trust">Our Standards: '
                f'<a href="/about.html#standards">The Trust Principles.</a></p>{_related(article, related[:4])}</main>')
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {SITE_NAME}</title>{meta}'
            f'<link rel="stylesheet" href="/static/site.css"></head><body class="article-page">{HEADER}{main}{FOOTER}'
            f'<script src="/static/site.js" defer></script></body></html>\n')


def listing_page(number: int, pages: int, articles: list[dict]) -> str:
    items = []
    for position, article in enumerate(articles):
        # Links written three ways, as real sites mix them: site-relative, absolute, page-relative.
        href = [article["path"], BASE + article["path"], "../.." + article["path"] if number > 1 else ".." + article["path"]][position % 3]
        items.append(f'<li class="story-item"><p class="kicker"><a class="tag" href="/topics/{article["section"].lower()}.html">'
                     f'{article["section"]}</a></p><h2><a class="headline" href="{href}">{html.escape(article["title"])}</a></h2>'
                     f'<p class="summary">{html.escape(article["summary"])}</p><p class="meta"><time datetime='
                     f'"{article["published"]:%Y-%m-%dT%H:%M:%SZ}">{article["published"]:%d %b %Y}</time> &middot; By '
                     f'{html.escape(article["author"])}</p></li>')
    next_link = f'/news/page/{number + 1}.html' if number < pages else None
    head_next = f'<link rel="next" href="{BASE}{next_link}">' if next_link else ""
    pager = f'<span class="current">Page {number}</span>' + (f' <a rel="next" class="next" href="{next_link}">Older</a>' if next_link else "")
    most_read = "".join(f'<li><a class="most-read" href="{article["path"]}">{html.escape(article["title"])}</a></li>' for article in articles[:4])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Latest news, page {number} | {SITE_NAME}</title>'
            f'{head_next}</head><body>{HEADER}<main class="page"><h1 class="page-title">Latest news</h1><ol class="story-list">'
            f'{"".join(items)}</ol><aside class="sidebar"><h2>Most read</h2><ol>{most_read}</ol></aside>'
            f'<nav class="pagination">{pager}</nav></main>{FOOTER}</body></html>\n')


def feed_xml(articles: list[dict]) -> str:
    items = "".join(f"<item><title>{html.escape(article['title'])}</title><link>{BASE}{article['path']}</link>"
                    f"<guid isPermaLink=\"true\">{BASE}{article['path']}</guid>"
                    f"<pubDate>{article['published']:%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
                    f"<dc:creator>{html.escape(article['author'])}</dc:creator><category>{article['section']}</category>"
                    f"<description>{html.escape(article['summary'])}</description></item>\n" for article in articles)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel><title>{SITE_NAME} &#8211; Latest</title><link>{BASE}/index.html</link><description>News</description>'
            f'<language>en</language><lastBuildDate>{END:%a, %d %b %Y %H:%M:%S +0000}</lastBuildDate>\n{items}</channel></rss>\n')


def urlset_xml(articles: list[dict]) -> str:
    recent = END - timedelta(days=30)
    urls = []
    for article in articles:
        iso = f"{article['published']:%Y-%m-%dT%H:%M:%SZ}"
        news = (f"<news:news><news:publication><news:name>{SITE_NAME}</news:name><news:language>en</news:language>"
                f"</news:publication><news:publication_date>{iso}</news:publication_date><news:title>"
                f"{html.escape(article['title'])}</news:title></news:news>") if article["published"] >= recent else ""
        urls.append(f"<url><loc>{BASE}{article['path']}</loc><lastmod>{iso}</lastmod>{news}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n")


def generate_site(out: str | Path, articles: int = 2000, seed: int = 7) -> dict:
    """Write the site into `out` (reused as it is when site.json says it was made with the same arguments)."""
    out = Path(out)
    manifest_path = out / "site.json"
    wanted = {"generator_version": GENERATOR_VERSION, "articles": articles, "seed": seed}
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if all(manifest.get(key) == value for key, value in wanted.items()):
            return manifest
    written = [write_article(index, seed, articles) for index in range(articles)]   # newest first
    for position, article in enumerate(written):
        page = out / article["path"].lstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        same_topic = [other for other in written[position + 1:position + 40] if other["topic"] == article["topic"]][:5]
        page.write_text(article_page(article, same_topic or written[max(0, position - 5):position]), encoding="utf-8")
        if position % 500 == 499:
            print(f"sitegen: {position + 1}/{articles} articles", file=sys.stderr)
    pages = max(1, -(-articles // PER_LISTING_PAGE))
    for number in range(1, pages + 1):
        path = out / ("news/index.html" if number == 1 else f"news/page/{number}.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        chunk = written[(number - 1) * PER_LISTING_PAGE:number * PER_LISTING_PAGE]
        path.write_text(listing_page(number, pages, chunk), encoding="utf-8")
    (out / "feed.xml").write_text(feed_xml(written[:FEED_ITEMS]), encoding="utf-8")
    months: dict[str, list[dict]] = {}
    for article in written:
        months.setdefault(f"{article['published']:%Y-%m}", []).append(article)
    (out / "sitemaps").mkdir(exist_ok=True)
    entries = []
    for month, members in sorted(months.items(), reverse=True):
        (out / "sitemaps" / f"articles-{month}.xml").write_text(urlset_xml(members), encoding="utf-8")
        entries.append(f"<sitemap><loc>{BASE}/sitemaps/articles-{month}.xml</loc>"
                       f"<lastmod>{members[0]['published']:%Y-%m-%dT%H:%M:%SZ}</lastmod></sitemap>")
    (out / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
                                     '"http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries)
                                     + "\n</sitemapindex>\n", encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nDisallow: /private/\nAllow: /\n\nSitemap: {BASE}/sitemap.xml\n",
                                    encoding="utf-8")
    for name, heading in [("index.html", SITE_NAME), ("about.html", f"About {SITE_NAME}"), ("privacy.html", "Privacy")]:
        (out / name).write_text(f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{heading}</title></head>"
                                f"<body>{HEADER}<main><h1>{heading}</h1></main>{FOOTER}</body></html>\n", encoding="utf-8")
    manifest = {**wanted, "article_paths": [article["path"] for article in written],
                "listing_pages": pages, "sitemaps": len(months), "feed_items": min(FEED_ITEMS, articles),
                "entry_points": {"feed": "/feed.xml", "sitemap": "/sitemap.xml", "listing": "/news/index.html"},
                "words_mean": round(sum(article["words"] for article in written) / max(articles, 1)),
                "topics": dict(Counter(article["topic"] for article in written)),
                "layouts": dict(Counter(article["layout"] for article in written))}
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def vocabulary(sample: int = 300, seed: int = 7) -> Counter:
    """Word frequencies of `sample` generated articles: a realistic rank-frequency list for synthetic text."""
    counts: Counter = Counter()
    for index in range(sample):
        article = write_article(index, seed, sample)
        counts.update(re.findall(r"[A-Za-z][A-Za-z'-]*", " ".join([article["title"]] + article["paragraphs"])))
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", default=str(Path(__file__).resolve().parent / "out" / "site"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    manifest = generate_site(options.out, options.articles, options.seed)
    print(f"{options.out}: {manifest['articles']} articles ({manifest['words_mean']} words on average), "
          f"{manifest['listing_pages']} listing pages, {manifest['sitemaps']} urlset sitemaps, "
          f"feed of {manifest['feed_items']}; topics {manifest['topics']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
