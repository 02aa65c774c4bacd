"""Title, publication time, body text and every enrichment field of saved pages: the labelled pages
of tests/data/pages (663 pages of about 640 sites' templates, 212 Chinese, ninety-two GBK or GB18030) and the date
lines pages show readers."""
from __future__ import annotations

from datetime import timezone
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from bench.extraction_scores import score
from bench.page_scores import body_scores, date_right, extract_in_process, load_pages, normalise_title
from pipeline.extract import clean_title, extract_article
from pipeline.page_dates import page_zone, parse_shown, shown_published_at, site_zone
from pipeline.records import RawPage

# Measured when the floors were set (147 pages): title 1.000, published_at 1.000, body token F1 .986
# (page mean). Before the visible date line, the <h1> headline and the table-layout retry (first 40
# pages): title .750, published_at .575, body .953. Pages scored before their errors were read:
# 027-040 title 1.000, published_at .786, body .976; 041-060 1.000, .800, .978; 061-075 1.000, .933,
# .967; 076-085 1.000, 1.000, .970; 086-093 1.000, 1.000, .977; 094-101 1.000, .875, .993; 102-107 1.000,
# 1.000, .991; 108-113 1.000, 1.000, .986; 114-119 1.000, 1.000, .987; 120-125 1.000, 1.000, .971; 126-131 1.000,
# 1.000, .985; 132-137 1.000, 1.000, .989; 138-147 1.000, .800, .988.
TITLE_FLOOR, DATE_FLOOR, BODY_F1_FLOOR = 0.98, 0.98, 0.97
# Enrichment of the same pages through what `newsmon extract` runs, measured when set (147 pages): money
# .991, claims .939, categories .914, relevance 1.000, quote speakers .956, stance .715 (625 quotes). Scored
# before their errors were read: 041-060 money .961, claims .738, categories .884, relevance 1.000,
# speakers .955, stance .625; 061-075 money .959, claims .623, categories .846, relevance 1.000,
# speakers .959, stance .678; 076-085 money 1.000, claims .596, categories .941, relevance 1.000,
# speakers .977, stance .595; 086-093 money .949, claims .469, categories .857, speakers .969, stance .638;
# 094-101 money 1.000, claims .764, categories .954, speakers .925, stance .512; 102-107 money .977, claims .714,
# categories .912, speakers .906, stance .552; 108-113 money .833, claims .767, categories .868, speakers .986,
# stance .583; 114-119 money .964, claims .772, categories .943, speakers .892, stance .793; 120-125 money 1.000,
# claims .840, categories .963, speakers .960, stance .667; 126-131 money .897, claims .815, categories .920,
# speakers .929, stance .543; 132-137 money .957, claims .582, categories .840, speakers .902, stance .568;
# 138-147 money 1.000, claims .833, categories .911, speakers .947, stance .611; 148-153 money .977, claims .632,
# categories .933, speakers .977, stance .628, published_at .833; 154-159 money 1.000, claims .844, categories .897,
# speakers .939, stance .500; 160-165 money 1.000, claims .868, categories 1.000, speakers .925, stance .651;
# 166-177 money 1.000, claims .779, categories .904, speakers .938, stance .725; 178-189 money .987, claims .776,
# categories .945, speakers .908, stance .643; 190-201 money 1.000, claims .753, categories .936, speakers .909,
# stance .682 (tests/data/pages/README.md).
# Stance after weighing an outsider's cues both ways (a tie is mixed, a "but" always is) and an official with
# no cue read as neutral unless a lawmaker: .750 (625 quotes, was .715); dev .841 (was .864). After the fixes
# from sets 148-165 (165 pages): money .991, claims .942, categories .917, relevance 1.000, speakers .955, stance
# .771 (757 quotes). With 166-189 (tuned on) and 190-201 (scored once, not tuned on) added, 201 pages: money
# .992, claims .921, categories .920, relevance 1.000, speakers .945, stance .757 (1017 quotes); the floors
# follow the untuned set down rather than leave it out.
# After reading each cue as about the name nearest before it (a sentence about a rival stays about it) and an
# insider's paraphrase with no cue as neutral: stance .806 on the 201 pages (1017 quotes); dev .833.
# With 202-219 (first scored blind: claims .694, stance .622; then tuned on), 219 pages: money .991, claims
# .914, categories .922, relevance 1.000, speakers .944, stance .807 (1128 quotes). With 220-231 (first scored
# blind: claims .736, stance .824; then tuned on), 231 pages: money .992, claims .915, categories .923,
# relevance 1.000, speakers .942, stance .816 (1202 quotes). With 232-243 (first scored blind: claims .850,
# stance .735; then tuned on), 243 pages: money .992, claims .914, categories .922, relevance 1.000, speakers
# .939, stance .824 (1270 quotes). With 244-267 (first scored blind: claims .783, stance .736; then tuned on), 267
# pages: money .991, claims .901, categories .926, relevance 1.000, speakers .934, stance .818 (1414 quotes); the
# claims floor follows them down. With 268-291 (scored blind, not tuned on but for two date lines), 291 pages:
# money .988, claims .899, categories .924, relevance 1.000, speakers .929, stance .808 (1546 quotes); the
# speakers floor follows them down. With 292-303 (scored blind, not tuned on), 303 pages: money .988, claims .893,
# categories .925, relevance 1.000, speakers .925, stance .814 (1601 quotes). After reading the speakers
# 292-303 missed (transliterated names in Chinese, organisations with their own quotation in Chinese, a colon
# or ", saying" after a person, a title before the name a later "he" means): speakers .943, stance .809 on the
# 1652 quotes now matched. With 304-327 (scored blind: claims .800, stance .719, speakers .942), 327 pages: money
# .988, claims .885, categories .923, relevance 1.000, speakers .943, stance .807 (1791 quotes); the claims floor
# follows them down. With 328-351 (scored blind: claims .743, stance .786, speakers .962), 351 pages: money .987,
# claims .877, categories .924, relevance 1.000, speakers .952, stance .814 (1956 quotes); the claims floor
# follows them down again. With 352-375 (scored blind: claims .774, stance .778, speakers .947), 375 pages: money
# .988, claims .874, categories .925, relevance 1.000, speakers .952, stance .817 (2091 quotes). With 376-399
# (scored blind: claims .727, stance .815, speakers .968), 399 pages: money .988, claims .869, categories .926,
# relevance 1.000, speakers .953, stance .817 (2242 quotes); the claims floor follows them down. With 400-423
# (scored blind, not read: claims .774, stance .780, speakers .928, date 1.000), 423 pages: money .987, claims
# .870, categories .924, relevance 1.000, speakers .951, stance .815 (2365 quotes). With 424-447 (scored blind:
# claims .787, stance .714, speakers .946, date .917) and the fixes from both sets' errors, 447 pages: money .987,
# claims .881, categories .923, relevance 1.000, speakers .951, stance .815 (2505 quotes). With 448-471 (scored
# blind: claims .743, stance .657, speakers .940, date .917) and their fixes, 471 pages: money .987, claims .879,
# categories .921, relevance 1.000, speakers .952, stance .813 (2647 quotes). With 472-495 (scored blind: claims
# .760, stance .788, money .864, date .875) and their fixes, 495 pages: money .989, claims .874, categories .920,
# relevance 1.000, speakers .953, stance .813 (2793 quotes). With 496-519 (scored blind: claims .727, stance
# .791, date .750) and their fixes, 519 pages: money .990, claims .871, categories .920, relevance 1.000, speakers
# .952, stance .813 (2932 quotes). With 520-543 (scored blind: claims .818, stance .750, date .792), 543 pages:
# money .989, claims .872, categories .918, relevance 1.000, speakers .952, stance .810 (3076 quotes). With
# 544-567 (scored blind, not read: claims .698, stance .744, date .833), 567 pages: money .988, claims .865,
# categories .916, relevance 1.000, speakers .952, stance .808 (3209 quotes). With 568-639 (three sets scored blind:
# claims .800, .783, .776; stance .746, .762, .692) and their fixes, and 640-663 (scored blind, not read: claims
# .844, stance .715, date .958), 663 pages: money .987, claims .868, categories .915, relevance .999, speakers .951,
# stance .807 (3767 quotes).
FIELD_FLOORS = {"money": 0.98, "claims": 0.86, "categories": 0.90, "relevance": 0.97, "quote_speakers": 0.92}
PAGE_STANCE_FLOOR = 0.80


@pytest.fixture(scope="module")
def pages_and_articles():
    pages = load_pages()
    articles = {}
    for page in pages:
        raw = RawPage(url=page["url"], final_url=page["url"], source="", status=200, headers={},
                      body=page["html_path"].read_bytes(), fetched_at="2026-11-28T00:00:00Z")
        articles[page["id"]] = extract_article(raw)
    return pages, articles


def test_titles_dates_and_body_text_of_labelled_pages(pages_and_articles):
    pages, articles = pages_and_articles
    assert len(pages) >= 40 and all(articles.values()), [key for key, value in articles.items() if value is None]
    titles = sum(normalise_title(articles[page["id"]].title) == normalise_title(page["title"]) for page in pages)
    dates = sum(date_right(articles[page["id"]].published_at, page["published_at"]) for page in pages)
    body_f1 = sum(body_scores(articles[page["id"]].text, page["text"])[2] for page in pages) / len(pages)
    assert titles / len(pages) >= TITLE_FLOOR and dates / len(pages) >= DATE_FLOOR and body_f1 >= BODY_F1_FLOOR, \
        (titles, dates, body_f1)


def test_enrichment_of_labelled_pages_stays_above_its_floors():
    pages = load_pages()
    tally = score(extract_in_process(pages), pages)
    below = {field: round(tally.scores(field)[2], 3) for field, floor in FIELD_FLOORS.items()
             if tally.scores(field)[2] < floor}
    assert not below, below
    assert tally.stance["right"] / tally.stance["matched"] >= PAGE_STANCE_FLOOR


@pytest.mark.parametrize("line, zone, expected", [
    ("Published Thu, Feb 12 2026 6:05 AM EST", timezone.utc, "2026-02-12T11:05:00Z"),
    ("6:00 AM PST · February 16, 2026", timezone.utc, "2026-02-16T14:00:00Z"),
    ("Mar. 4, 2026, 09:15 KST", timezone.utc, "2026-03-04T00:15:00Z"),
    ("July 4, 2026 9:00 a.m. ET", timezone.utc, "2026-07-04T13:00:00Z"),          # ET in summer is UTC-4
    ("2026年03月06日 09:15", ZoneInfo("Asia/Shanghai"), "2026-03-06T01:15:00Z"),
    ("9:15am, 4 Mar 2026", ZoneInfo("Asia/Hong_Kong"), "2026-03-04T01:15:00Z"),   # no zone: the page's
    ("News provided by Alibaba Cloud24 Mar, 2026, 09:00 GMT+8Share", timezone.utc, "2026-03-24T01:00:00Z"),
    ("Mar 24, 2026 09:00 UTC-05:00", timezone.utc, "2026-03-24T14:00:00Z"),
    # a dotted numeric date puts the day first; a year-first one stays year-month-day
    ("11.05.2026, 10:41", ZoneInfo("Asia/Jerusalem"), "2026-05-11T07:41:00Z"),
    ("Published 2026.07.03 11:20", ZoneInfo("Asia/Seoul"), "2026-07-03T02:20:00Z"),
    # a zone between the day and the time (RTHK)
    ("2026-10-15 HKT 12:41", timezone.utc, "2026-10-15T04:41:00Z"),
])
def test_date_lines_with_a_time_and_zone(line, zone, expected):
    assert parse_shown(line, zone) == expected


@pytest.mark.parametrize("line", ["Saturday, March 14, 2026", "2026年3月14日", "Posted 10:20", "Q3 2026 results"])
def test_date_lines_without_a_day_and_a_time_say_nothing(line):
    assert parse_shown(line, timezone.utc) is None


def test_the_published_line_wins_and_comments_are_not_read():
    tree = lxml_html.document_fromstring("""<html><head>
        <meta property="article:modified_time" content="2026-03-04T23:02:00+08:00"></head><body>
        <div class="comments"><span class="datetime">March 3, 2026 at 11:02 AM</span></div>
        <p>Analysts had expected a launch on March 1, 2026 at 10:00, a person said.</p>
        <div class="article-meta"><span>Updated: 11:02pm, 4 Mar 2026</span>
        <span>Published: 9:15am, 4 Mar 2026 | Updated: 11:02pm, 4 Mar 2026</span></div></body></html>""")
    zone = page_zone(tree, timezone.utc)
    assert zone.utcoffset(None).total_seconds() == 8 * 3600
    assert shown_published_at(tree, zone) == ("2026-03-04T01:15:00Z", "2026-03-04T01:15:00Z")


def test_an_article_footers_time_is_read_and_a_bylines_name_is_no_month():
    # heise puts the time in the article's own footer (a site footer is still skipped); The Decoder's meta line
    # holds the author ("Maximilian" would read as March) beside a marked date
    footer = lxml_html.document_fromstring('<html><body><p>Text.</p><p class="a-article-footer"><time>2026-03-21 14:10'
                                           '</time> <span class="author">(jbr)</span></p><footer class="site-footer">'
                                           '<p>Updated 2026-12-01 09:00</p></footer></body></html>')
    assert shown_published_at(footer, ZoneInfo("Europe/Berlin"))[0] == "2026-03-21T13:10:00Z"
    # a column holding the headline is the article's own, whatever the site calls it; a real side column is skipped
    column = lxml_html.document_fromstring('<html><body><div class="sidebar-1"><h1>Alibaba Cloud opens a second '
                                           'Vietnam data center</h1><span class="date">Saturday, November 7, 2026 | '
                                           '09:32 am GMT+7</span></div><div class="sidebar"><span class="date">'
                                           'November 1, 2026 | 08:00 am GMT+7</span></div></body></html>')
    assert shown_published_at(column, timezone.utc)[0] == "2026-11-07T02:32:00Z"
    byline = lxml_html.document_fromstring('<html><body><div class="entry-meta"><span class="author-name">Maximilian '
                                           'Schreiner</span><span class="post-date">Jun 3, 2026</span></div>'
                                           '</body></html>')
    assert shown_published_at(byline, timezone.utc) == (None, "2026-06-03T00:00:00Z")


def test_an_unmarked_numeric_date_and_time_and_a_last_update_label():
    # ECNS shows "2026-09-01 10:28:55" in an unmarked span; The Daily Star's "Last update on:" is no publication
    ecns = lxml_html.document_fromstring('<html><body><div class="content_desc"><span>2026-09-01 10:28:55</span> '
                                         '<span>Editor: Li Yan</span></div></body></html>')
    assert shown_published_at(ecns, ZoneInfo("Asia/Shanghai"))[0] == "2026-09-01T02:28:55Z"
    star = lxml_html.document_fromstring('<html><body><div class="date">Tue Aug 4, 2026 10:15 PM <span>Last update '
                                         'on: Wed Aug 5, 2026 09:02 AM</span></div></body></html>')
    assert shown_published_at(star, ZoneInfo("Asia/Dhaka"))[0] == "2026-08-04T16:15:00Z"


def test_a_day_without_a_time_is_taken_only_when_asked_and_only_with_month_and_day():
    china = ZoneInfo("Asia/Shanghai")
    assert parse_shown("香港，2026年4月2日", china) is None
    assert parse_shown("香港，2026年4月2日", china, need_time=False) == "2026-04-01T16:00:00Z"
    assert parse_shown("Copyright © 2026 Example Ltd", china, need_time=False) is None
    assert parse_shown("Jan 1, 2026", timezone.utc, need_time=False) == "2026-01-01T00:00:00Z"
    # a reading time beside the date is not its year; "6.41pm" is a time of day
    assert parse_shown("Jun 10, 2026 | 8 mins", timezone.utc, need_time=False) == "2026-06-10T00:00:00Z"
    assert parse_shown("Aug 28, 2026 – 6.41pm", ZoneInfo("Australia/Sydney")) == "2026-08-28T08:41:00Z"


@pytest.mark.parametrize("page, expected", [
    # a Chinese date written before its published label
    ('<div class="media-info"><span class="media-time">2026-04-01 08:30 发布于北京</span></div>', "2026-04-01T00:30:00Z"),
    # a source label after the date's span, or in a sibling span, marks the publication line
    ('<p><span>2026-11-20 14:05</span> 来源：澎湃新闻</p><p>© 2011~2026 澎湃新闻</p>', "2026-11-20T06:05:00Z"),
    ('<div class="ant-space"><span>2026-07-16 10:21</span> <span>来源：澎湃新闻</span></div>'
     '<ul><li><span>2026-06-09</span></li></ul>', "2026-07-16T02:21:00Z"),
    # a date before the source in an unmarked span beats a related list's marked dates
    ('<div class="header"><span>2026-11-05 18:02 来源：澎湃新闻</span></div><ul class="related-list"><li><a href="#">旧闻</a>'
     '<span class="time">2025-12-01</span></li></ul>', "2026-11-05T10:02:00Z"),
    # a byline beside an unmarked date marks the info line (第一财经)
    ('<p class="names"><em>2026-11-06 19:35:12</em> <em>作者：沈晓岚</em> <em>责编：周卓</em></p><p>第一财经记者11月6日获悉</p>',
     "2026-11-06T11:35:12Z"),
    # a byline after a link (和讯网)
    ('<div class="tip fl"><span class="pr20">2026-11-22 09:12:35</span><a href="#">和讯网</a>&nbsp;&nbsp;作者：周雅琴</div>'
     '<p>11月21日，阿里巴巴发布财报</p>', "2026-11-22T01:12:35Z"),
    # 出处 is 快科技's source label
    ('<div class="news_bt1_left">2026-07-22 14:31:05 &nbsp;出处：<a href="#">快科技</a> &nbsp;作者：宇辰</div>'
     '<p>7月22日，千问发布</p>', "2026-07-22T06:31:05Z"),
    # a view count after the time is no part of it; an edit's time after the published label is not the publication
    ('<div class="info">作者：陈思远&nbsp;&nbsp;来源：通信世界网&nbsp;&nbsp;2026-03-18 15:20&nbsp;&nbsp;阅读量：<span>2371</span>'
     '</div>', "2026-03-18T07:20:00Z"),
    ('<div class="article-info-box"><span class="time">于 2026-07-22 10:36:18 发布</span> <span class="time">已于 '
     '2026-07-22 14:02:51 修改</span></div>', "2026-07-22T02:36:18Z"),
    # a date line in a table cell (legacy party-paper pages)
    ('<table><tr><td class="info">2026-06-18 07:30:00&nbsp;&nbsp;来源：杭州日报&nbsp;&nbsp;作者：记者 方晓</td></tr></table>',
     "2026-06-17T23:30:00Z"),
    # a page whose only time is its update time gives that
    ('<div class="newsinfo"><span>发布者：EEWORLD资讯</span><span>最新更新时间：2026-09-17 14:05</span><span>来源: EEWORLD'
     '</span></div><p>9月16日，平头哥发布新芯片</p>', "2026-09-17T06:05:00Z"),
])
def test_chinese_date_lines_are_found_by_their_labels(page, expected):
    tree = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
    assert shown_published_at(tree, ZoneInfo("Asia/Shanghai"))[0] == expected


@pytest.mark.parametrize("host, expected", [("www.caixinglobal.com", "Asia/Shanghai"), ("asia.nikkei.com", "Asia/Tokyo"),
                                            ("www.channelnewsasia.com", "Asia/Singapore"),
                                            ("news.example.hk", "Asia/Hong_Kong"), ("www.bangkokpost.com", "Asia/Bangkok"),
                                            ("mb.com.ph", "Asia/Manila"), ("www.accessnewswire.com", "America/New_York"),
                                            ("www.thenationalnews.com", "Asia/Dubai"), ("www.example.ae", "Asia/Dubai"),
                                            ("koreajoongangdaily.joins.com", "Asia/Seoul"),
                                            ("www.dawn.com", "Asia/Karachi"), ("www.handelsblatt.com", "Europe/Berlin"),
                                            ("www.chosun.com", "Asia/Seoul"), ("www.stuff.co.nz", "Pacific/Auckland"),
                                            ("news.cgtn.com", "Asia/Shanghai"), ("english.kyodonews.net", "Asia/Tokyo"),
                                            ("www.arabianbusiness.com", "Asia/Dubai"),
                                            ("www.swissinfo.ch", "Europe/Zurich"), ("www.example.il", "Asia/Jerusalem"),
                                            ("www.calcalistech.com", "Asia/Jerusalem"),
                                            ("www.tipranks.com", "America/New_York"),
                                            ("themalaysianreserve.com", "Asia/Kuala_Lumpur"),
                                            ("www.computerweekly.com", "Europe/London"),
                                            ("www.thelec.net", "Asia/Seoul"), ("euobserver.com", "Europe/Brussels"),
                                            ("www.kedglobal.com", "Asia/Seoul"), ("e.vnexpress.net", "Asia/Ho_Chi_Minh"),
                                            ("thenewstack.io", "America/New_York"), ("www.ejinsight.com", "Asia/Hong_Kong"),
                                            ("www.thedailystar.net", "Asia/Dhaka"), ("www.ecns.cn", "Asia/Shanghai"),
                                            ("www.example.com", "UTC")])
def test_unmarked_times_are_the_sites_local_time(host, expected):
    assert str(site_zone(host, ZoneInfo("UTC"))) == expected


ARTICLE_BODY = "".join(f"<p>Alibaba Cloud said on Tuesday that paragraph {number} of this story has enough words to be "
                       f"read as the article body by the extractor, and not as navigation or a promo box.</p>"
                       for number in range(1, 7))


@pytest.mark.parametrize("markup, expected", [
    # a naive <time datetime> whose own text shows the same clock time with its zone
    ('<time datetime="2026-11-04 06:01:00">November 4, 2026 6:01 am CET</time>', "2026-11-04T05:01:00Z"),
    # a line break between the year and "Updated": the published time, not the update
    ('<div class="gnt_ar_dt">Published 5:03 a.m. ET Nov. 6, 2026<br>Updated 9:47 a.m. ET Nov. 6, 2026</div>',
     "2026-11-06T10:03:00Z"),
    # a marked date line inside a byline block is read without the byline ("By April Kwan" is no month); a child
    # holding only the day leaves the parent's line whole
    ('<div class="briefing-meta"><span class="author">By April Kwan</span><div class="article-date">Nov. 10, 2026 '
     '6:00 AM PST</div></div>', "2026-11-10T14:00:00Z"),
    ('<div class="story__time">Published <span class="timestamp--date">October 28, 2026</span> <span '
     'class="timestamp--time">11:45am</span></div>', "2026-10-28T11:45:00Z"),
    # an unmarked element that holds only a date and a time
    ('<div class="a_md_f"><span>Madrid</span> - <a href="/hemeroteca/2026-11-04/"><span>Nov 04, 2026 - 06:30 CET</span>'
     '</a></div>', "2026-11-04T05:30:00Z"),
    # Gulf Standard Time
    ('<p class="date">Published: June 17, 2026 10:32 GST</p>', "2026-06-17T06:32:00Z"),
    # a naive one with no zone shown stays in the site's zone
    ('<time datetime="2026-11-04 06:01:00">November 4, 2026</time>', "2026-11-04T06:01:00Z"),
    # an app page's embedded data when the page shows only the day, and not when it is another day's
    ('<div data-props=\'{"blog": {"publishedAt": "2026-10-14T15:02:11.000Z"}}\'></div><p class="date">Published '
     'October 14, 2026</p>', "2026-10-14T15:02:11Z"),
    ('<div data-props=\'{"related": {"publishedAt": "2026-09-01T08:00:00Z"}}\'></div><p class="date">Published '
     'October 14, 2026</p>', "2026-10-14T00:00:00Z"),
])
def test_publication_time_from_naive_markup_and_embedded_data(markup, expected):
    page = (f"<html><head><title>Alibaba Cloud opens a region</title></head><body><article><h1>Alibaba Cloud opens a "
            f"region</h1>{markup}{ARTICLE_BODY}</article></body></html>")
    raw = RawPage(url="https://www.example.com/news/1", final_url="https://www.example.com/news/1", source="",
                  status=200, headers={}, body=page.encode(), fetched_at="2026-11-28T00:00:00Z")
    assert extract_article(raw).published_at == expected


@pytest.mark.parametrize("title, expected", [
    # a Chinese portal's name joined to the headline by a hyphen is no part of it
    ("阿里巴巴季度资本开支升至480亿元 平头哥自研芯片承担约三成推理负载-21财经",
     "阿里巴巴季度资本开支升至480亿元 平头哥自研芯片承担约三成推理负载"),
    # a hyphen inside a model's name stays
    ("阿里云发布千问3.5-Max，推理成本下降一半", "阿里云发布千问3.5-Max，推理成本下降一半"),
])
def test_a_chinese_site_suffix_leaves_the_headline(title, expected):
    assert clean_title(title, None) == expected


def test_a_page_laid_out_in_a_table_gives_the_story_cell_alone():
    # a legacy provincial-paper page: navigation, info line, story and related links are all rows of one table
    story = ["湖北日报讯（记者 王思远）7月13日，阿里云华中智算中心在孝感临空经济区正式投产，千问大模型接入政务服务平台。",
             "据介绍，阿里云华中智算中心总投资60亿元，一期部署服务器2万台，其中包括平头哥自研的真武PPU芯片。",
             "项目全部建成后，将成为华中地区规模最大的智能计算中心之一，可为省内3000余家企业提供算力服务。"]
    page = ("<html><head><title>阿里云华中智算中心在孝感投产</title></head><body><table>"
            "<tr><td><a href='/'>荆楚网首页</a> | <a href='/'>湖北日报</a> | <a href='/'>数字报</a></td></tr>"
            "<tr><td>当前位置：荆楚网 &gt; 经济 &gt; 正文</td></tr>"
            "<tr><td><h1>阿里云华中智算中心在孝感投产</h1></td></tr>"
            "<tr><td>2026-07-14 06:45 来源：湖北日报 作者：王思远</td></tr>"
            "<tr><td class='content_font'>" + "".join(f"<p>{line}</p>" for line in story) + "</td></tr>"
            "<tr><td>相关新闻<br>·我省与阿里巴巴集团签署战略合作协议<br>·孝感临空经济区上半年招商引资签约额再创新高</td></tr>"
            "</table></body></html>")
    raw = RawPage(url="http://news.cnhubei.com/c/1.html", final_url="http://news.cnhubei.com/c/1.html", source="",
                  status=200, headers={}, body=page.encode(), fetched_at="2026-11-28T00:00:00Z")
    assert extract_article(raw).text.split("\n") == story


def test_a_site_name_shorter_in_the_title_than_in_the_markup_is_dropped():
    assert clean_title("SK Hynix ships HBM4E samples to Nvidia four months early - THE ELEC",
                       "THE ELEC, Korea Electronics Industry Media") == "SK Hynix ships HBM4E samples to Nvidia four months early"
