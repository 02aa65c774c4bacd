"""Page furniture left in the main text by trafilatura is dropped; the story's own lines stay."""
from pipeline.furniture import drop_furniture

TITLE = "Alibaba lifts AI spending plan above RMB 380 billion"


def test_headline_summary_bullets_and_sign_off_are_dropped():
    text = "\n".join([
        "Alibaba lifts AI spending plan above RMB 380 billion",
        "- Cloud revenue up 36%, fastest in over three years",
        "- Hong Kong shares up 4.2%",
        "HANGZHOU, Feb 25 (Reuters) - Alibaba Group said on Wednesday it expects to spend more than RMB 380 billion.",
        "Takeaways by Bloomberg AI",
        "- ByteDance plans to spend 160 billion yuan on capex in 2026.",
        "The stock rose 4.2%.",
        "Reporting by Julie Zhu in Hong Kong; Editing by Edwina Gibbs",
        "(Reporting by Eduardo Baptista in Beijing; Editing by Edmund Klamann)",
        "— With assistance from Debby Wu",
        "Sign up here. The Reuters Tech News newsletter brings you the latest on AI every weekday.",
        "Contact reporter Liu Peilin (peilinliu@caixin.com) and editor Michael Bellart (michaelbellart@caixin.com)",
        "SOURCE Alibaba Cloud",
        "Join 4,812 other subscribers.",
        "Should you invest $1,000 in Alibaba Group right now?",
        "Ethan Moore has positions in Alibaba Group. The Motley Fool has a disclosure policy.",
        "Join 10,000+ founders and investors in San Francisco. Save up to $600 on your pass before prices rise.",
        "REGISTER NOW",
        "Gartner: UK generative AI spend to pass $9bn By: Cliff Saran",
    ])
    assert drop_furniture(text, TITLE).split("\n") == [
        "HANGZHOU, Feb 25 (Reuters) - Alibaba Group said on Wednesday it expects to spend more than RMB 380 billion.",
        "The stock rose 4.2%."]


def test_a_list_inside_the_story_stays():
    text = "Alibaba named three priorities:\n- cloud\n- chips\n- the Qwen app\nThe plan runs to 2028."
    assert drop_furniture(text, TITLE) == text


def test_chinese_editor_lines_disclaimers_and_promos_are_dropped_but_news_of_an_app_stays():
    text = "\n".join([
        "阿里巴巴宣布将AI基础设施投入提高至4800亿元。",
        "下载千问App的用户已超过1亿。",
        "平头哥真武PPU 2.0芯片 企业供图",
        "海量资讯、精准解读，尽在新浪财经APP",
        "责任编辑：刘珊",
        "（原标题：千问App月活突破2亿，阿里Qwen3.6“不为刷榜”）",
        "【文/观察者网 吴立群】",
        "一凡 发自 凹非寺",
        "量子位 | 公众号 QbitAI",
        "— 完 —",
        "本文系观察者网独家稿件，未经授权，不得转载。",
        "关注观察者网微信guanchacn，每日阅读趣味文章。",
        "市场有风险，投资需谨慎。本文不构成个人投资建议。",
        "声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担",
        "下载“证券时报”官方APP，或关注官方微信公众号，即可随时了解股市动态。",
    ])
    assert drop_furniture(text, "阿里巴巴提高AI投入").split("\n") == [
        "阿里巴巴宣布将AI基础设施投入提高至4800亿元。", "下载千问App的用户已超过1亿。"]


def test_a_headline_after_a_channel_name_and_a_one_paragraph_summary_are_dropped():
    text = "\n".join(["产业", "小米MiMo-V2正式发布", "摘要", "大摩上调阿里目标价至185港元。", "小米周二发布MiMo-V2。"])
    assert drop_furniture(text, "小米MiMo-V2正式发布").split("\n") == ["产业", "小米周二发布MiMo-V2。"]


def test_text_that_is_all_furniture_is_kept_rather_than_emptied():
    assert drop_furniture("Reporting by Julie Zhu", TITLE) == "Reporting by Julie Zhu"


def test_a_caption_inside_a_paragraph_is_not_article_text():
    from pipeline.extract import extract_article
    from pipeline.records import RawPage

    story = " ".join(["T-Head rates the PPU at 480 teraflops of dense FP8 compute."] * 4)
    html = (f"<html><head><title>PPU review</title></head><body><article><h1>PPU review</h1><p>{story}</p>"
            '<p class="shortcode-media"><img src="t.png" alt="Table"><small class="image-media media-caption">Dense FP8 '
            'compute: PPU 480 TFLOPS, H20 296 TFLOPS.</small><small class="media-photo-credit">Sources: T-Head'
            f"</small></p><p>{story}</p></article></body></html>")
    raw = RawPage(url="https://example.com/ppu", final_url="https://example.com/ppu", source="", status=200,
                  headers={}, body=html.encode(), fetched_at="2026-11-28T00:00:00Z")
    text = extract_article(raw).text
    assert "480 teraflops" in text and "296 TFLOPS" not in text and "Sources: T-Head" not in text
