/* test-html.c: what the HTML importer makes of saved web pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "attest-error.h"
#include "attest-html.h"

static char *
fixture_path (const char *name)
{
  const char *source_dir = g_getenv ("ATTEST_SOURCE_DIR");

  if (source_dir != NULL)
    return g_build_filename (source_dir, "tests", "fixtures", "html", name, NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static void
assert_valid_utf8 (const char *s)
{
  if (s != NULL)
    g_assert_true (g_utf8_validate (s, -1, NULL));
}

/* Every string an extraction returns is valid UTF-8, and the text has no runs of blank
 * lines or stray spaces at paragraph ends. */
static void
assert_article_sane (const AttestHtmlArticle *article)
{
  g_assert_nonnull (article);
  g_assert_nonnull (article->text);
  assert_valid_utf8 (article->text);
  assert_valid_utf8 (article->title);
  assert_valid_utf8 (article->byline);
  assert_valid_utf8 (article->site_name);
  assert_valid_utf8 (article->published);
  assert_valid_utf8 (article->language);
  assert_valid_utf8 (article->canonical_url);
  assert_valid_utf8 (article->description);

  g_assert_null (strstr (article->text, "\n\n\n"));
  g_assert_null (strstr (article->text, " \n"));
  g_assert_null (strstr (article->text, "\n "));
  g_assert_false (g_str_has_prefix (article->text, "\n"));
  g_assert_false (g_str_has_suffix (article->text, "\n"));
}

static AttestHtmlArticle *
extract_fixture (const char *name,
                 const char *http_charset,
                 const char *base_url)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  AttestHtmlArticle *article;

  article = attest_html_extract (data, length, http_charset, base_url, &error);
  g_assert_no_error (error);
  assert_article_sane (article);

  return article;
}

static void
test_news_page (void)
{
  g_autoptr(AttestHtmlArticle) article = extract_fixture ("news.html", NULL, NULL);
  static const char *const kept[] = {
    "Gunmen attacked an army checkpoint near the village of Makchifa, north of Baquba,",
    "opened fire with machine guns before withdrawing into the orchards",
    "A pattern of night attacks",
    "Two soldiers were killed in a similar attack in January.",
    "A roadside bomb wounded three policemen in February.",
    "“We hear the shooting almost every week now, and nobody comes to help us,”",
    "the militants were regrouping in rural areas",
  };
  static const char *const dropped[] = {
    "World news and analysis",          /* navigation */
    "We use cookies",                   /* cookie notice */
    "Share on Facebook",                /* share bar */
    "Buy the new phone",                /* advertisement */
    "Advertisement",
    "Army launches operation",          /* related links */
    "Related stories",
    "Ten things you never knew",        /* sidebar */
    "my thoughts are with the families", /* comments */
    "protect these villages better",
    "Subscribe to our newsletter",      /* footer */
    "All rights reserved",
    "Subscribe now",                    /* script */
    "color: red",                       /* style */
    "By Jane Reporter",                 /* byline: metadata, not text */
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      if (strstr (article->text, kept[i]) == NULL)
        g_error ("missing from the text: %s\n---\n%s", kept[i], article->text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      if (strstr (article->text, dropped[i]) != NULL)
        g_error ("should not be in the text: %s\n---\n%s", dropped[i], article->text);
    }

  /* The headline is the title, not the first line of the text. */
  g_assert_false (g_str_has_prefix (article->text, "Checkpoint ambush"));
  g_assert_true (g_str_has_prefix (article->text, "Gunmen attacked"));

  /* Blocks are paragraphs: a heading, list items and the quote each stand alone. */
  g_assert_nonnull (strstr (article->text, "\n\nA pattern of night attacks\n\n"));
  g_assert_nonnull (strstr (article->text, "in January.\n\n"));
  g_assert_true (g_str_has_suffix (article->text, "where the state had little presence."));

  g_assert_cmpstr (article->title, ==, "Checkpoint ambush kills four in Diyala");
  g_assert_cmpstr (article->byline, ==, "Jane Reporter");
  g_assert_cmpstr (article->site_name, ==, "The Daily Record");
  g_assert_cmpstr (article->published, ==, "2020-04-05T08:30:00+03:00");
  g_assert_cmpstr (article->language, ==, "en");
  g_assert_cmpstr (article->description, ==,
                   "Gunmen attacked an army checkpoint near Baquba overnight.");
  /* A relative canonical link cannot be resolved without the page's URL. */
  g_assert_null (article->canonical_url);
}

static void
test_base_url (void)
{
  g_autoptr(AttestHtmlArticle) article =
    extract_fixture ("news.html", NULL, "https://news.example.com/some/page?id=3");

  g_assert_cmpstr (article->canonical_url, ==,
                   "https://news.example.com/world/2020/04/05/checkpoint-ambush");
}

static void
test_json_ld (void)
{
  g_autoptr(AttestHtmlArticle) article = extract_fixture ("jsonld.html", NULL, NULL);

  g_assert_cmpstr (article->title, ==, "Flood waters recede in the delta");
  g_assert_cmpstr (article->byline, ==, "Amina Haddad, Louis Martin");
  g_assert_cmpstr (article->site_name, ==, "Example News Agency");  /* publisher by @id */
  g_assert_cmpstr (article->published, ==, "2021-03-14T09:15:00Z");
  g_assert_cmpstr (article->language, ==, "fr");
  g_assert_cmpstr (article->canonical_url, ==, "https://example.org/story");
  g_assert_cmpstr (article->description, ==, "After a week of rain, the water is going down.");
  g_assert_nonnull (strstr (article->text, "the flood waters in the delta began to recede"));
  g_assert_nonnull (strstr (article->text, "\n\nAid organisations have set up"));
}

/* A page whose text is written by scripts still has its JSON-LD articleBody. */
static void
test_json_ld_body (void)
{
  const char *page =
    "<html><head><title>App</title><script type=\"application/ld+json\">"
    "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
    "\"headline\": \"Bridge reopens after repairs\", "
    "\"articleBody\": \"The bridge over the river reopened on Friday after eight months of "
    "repairs.\\nTraffic was light in the morning, the police said.\"}"
    "</script></head><body><div id=\"app\"></div><noscript>Enable JavaScript.</noscript>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;

  article = attest_html_extract (page, strlen (page), NULL, NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (article);
  g_assert_cmpstr (article->title, ==, "Bridge reopens after repairs");
  g_assert_cmpstr (article->text, ==,
                   "The bridge over the river reopened on Friday after eight months of repairs."
                   "\n\nTraffic was light in the morning, the police said.");
}

/* Metadata read from the head, one field at a time. */
static void
test_metadata_forms (void)
{
  static const struct
  {
    const char *head;
    const char *published;
    const char *language;
    const char *title;
    const char *byline;
  } cases[] = {
    { "<meta property='article:published_time' content='2019-11-18T10:00:00.000Z'>",
      "2019-11-18T10:00:00Z", NULL, NULL, NULL },
    { "<meta property='article:published_time' content='2019-11-18 10:00:00 +0100'>",
      "2019-11-18T10:00:00+01:00", NULL, NULL, NULL },
    { "<meta name='pubdate' content='Mon, 18 Nov 2019 10:00:00 GMT'>",
      "2019-11-18T10:00:00Z", NULL, NULL, NULL },
    { "<meta name='dc.date' content='November 18, 2019'>", "2019-11-18", NULL, NULL, NULL },
    { "<meta itemprop='datePublished' content='2019/11/18'>", "2019-11-18", NULL, NULL, NULL },
    { "<meta property='article:published_time' content='yesterday'>", NULL, NULL, NULL, NULL },
    { "<meta property='og:locale' content='en_US'>", NULL, "en-US", NULL, NULL },
    { "<meta http-equiv='Content-Language' content='ar'>", NULL, "ar", NULL, NULL },
    { "<title>Gunmen attack a checkpoint near Baquba | Site</title>", NULL, NULL,
      "Gunmen attack a checkpoint near Baquba", NULL },
    { "<title>Site Name: Headline of the long story</title>", NULL, NULL,
      "Headline of the long story", NULL },
    { "<meta name='author' content='By Jane Doe'>", NULL, NULL, NULL, "Jane Doe" },
    { "<meta name='citation_author' content='Doe, Jane'><meta name='citation_author' "
      "content='Roe, John'>", NULL, NULL, NULL, "Doe, Jane, Roe, John" },
    { "<meta property='article:author' content='https://example.org/jane'>"
      "<meta name='author' content='Jane Doe'>", NULL, NULL, NULL, "Jane Doe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestHtmlArticle) article = NULL;
      g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body><p>A paragraph "
                                               "long enough to be the article.</p></body>"
                                               "</html>", cases[i].head);

      article = attest_html_extract (page, strlen (page), NULL, NULL, &error);
      g_assert_no_error (error);
      assert_article_sane (article);
      g_assert_cmpstr (article->published, ==, cases[i].published);
      g_assert_cmpstr (article->language, ==, cases[i].language);
      if (cases[i].title != NULL)
        g_assert_cmpstr (article->title, ==, cases[i].title);
      g_assert_cmpstr (article->byline, ==, cases[i].byline);
    }
}

static const char arabic_first[] =
  "قال مسؤولون أمنيون إن مسلحين هاجموا نقطة تفتيش للجيش قرب قرية مكيشيفة شمال بعقوبة، "
  "مما أسفر عن مقتل أربعة جنود وإصابة اثنين آخرين.";

static void
test_arabic_windows_1256 (void)
{
  g_autoptr(AttestHtmlArticle) article = extract_fixture ("arabic-windows-1256.html", NULL, NULL);

  g_assert_true (g_str_has_prefix (article->text, arabic_first));
  g_assert_nonnull (strstr (article->text, "\n\nوأضاف المتحدث باسم الجيش"));
  g_assert_cmpstr (article->title, ==, "هجوم على نقطة تفتيش في ديالى");
  g_assert_cmpstr (article->language, ==, "ar");
}

/* The HTTP header's charset wins over the page's own <meta>. */
static void
test_http_charset (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("arabic-windows-1256.html");
  g_autoptr(GString) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) wrong = NULL;
  g_autoptr(AttestHtmlArticle) right = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  char *meta;

  page = g_string_new_len (data, length);
  meta = strstr (page->str, "charset=windows-1256");
  g_assert_nonnull (meta);
  memcpy (meta + strlen ("charset=windows-125"), "2", 1);

  wrong = attest_html_extract (page->str, page->len, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (wrong);
  g_assert_false (g_str_has_prefix (wrong->text, arabic_first));

  right = attest_html_extract (page->str, page->len, "Windows-1256", NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (right);
  g_assert_true (g_str_has_prefix (right->text, arabic_first));
}

static void
test_windows_1252 (void)
{
  g_autoptr(AttestHtmlArticle) article =
    extract_fixture ("quotes-windows-1252.html", NULL, NULL);

  /* Labelled ISO-8859-1, decoded as windows-1252 the way browsers do. */
  g_assert_true (g_str_has_prefix (article->text, "“It’s not over,” the mayor said on Monday – "
                                                  "and the café owners"));
  g_assert_nonnull (strstr (article->text, "by 5 € a week."));
  g_assert_nonnull (strstr (article->text, "\n\nThe council’s report"));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(AttestHtmlArticle) article = extract_fixture ("invalid-utf8.html", NULL, NULL);

  g_assert_nonnull (strstr (article->text, "a bad byte here: caf\xEF\xBF\xBD and another one"));
  g_assert_nonnull (strstr (article->text, "\xEF\xBF\xBD(\xEF\xBF\xBD"));
  g_assert_nonnull (strstr (article->text, "which must not stop the text."));
  g_assert_nonnull (strstr (article->text, "\n\nThe second paragraph is perfectly fine"));
}

/* Without a charset anywhere: UTF-8 if it mostly is, else windows-1252. */
static void
test_unlabelled (void)
{
  static const struct
  {
    const char *page;
    const char *text;
  } cases[] = {
    { "<html><body><p>Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e, and one stray \xff byte in "
      "the paragraph.</p></body></html>",
      "Café crème brûlée, and one stray \xEF\xBF\xBD byte in the paragraph." },
    { "<html><body><p>Caf\xe9 cr\xe8me br\xfbl\xe9" "e, written in Latin-1 with no label "
      "at all.</p></body></html>",
      "Café crème brûlée, written in Latin-1 with no label at all." },
    { "<html><head><meta charset=\"windows-1256\"></head><body><p>Saved as UTF-8: "
      "\xd9\x86\xd8\xb5 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a, the old label stays.</p></body></html>",
      "Saved as UTF-8: نص عربي, the old label stays." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestHtmlArticle) article = NULL;

      article = attest_html_extract (cases[i].page, strlen (cases[i].page), NULL, NULL, &error);
      g_assert_no_error (error);
      assert_article_sane (article);
      g_assert_cmpstr (article->text, ==, cases[i].text);
    }
}

static void
test_utf16 (void)
{
  const char *page =
    "<html><head><title>UTF-16</title></head><body><p>Ce texte en UTF-16 parle d’un "
    "village près de la frontière, où les habitants attendent toujours l’aide promise.</p>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) bytes = g_string_new ("\xFF\xFE");
  gsize written = 0;

  utf16 = g_convert (page, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_string_append_len (bytes, utf16, written);

  article = attest_html_extract (bytes->str, bytes->len, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (article);
  g_assert_true (g_str_has_prefix (article->text, "Ce texte en UTF-16 parle d’un village près"));
}

static void
test_whitespace (void)
{
  const char *page =
    "<html><body><div class='content'>\n"
    "<p>  Runs   of\n\t spaces  collapse,\u00a0entities decode: "
    "&amp; &eacute;&#x41; &lt;b&gt;. </p>\n"
    "<p>A line<br>break stays <b>inside</b> <i>the</i> paragraph.</p>\n"
    "<p>Numeric references &#147;like&#148; these are windows-1252&#150;style.</p>\n"
    "<div>Loose text in a div<p>and a paragraph in it</p>and more loose text</div>\n"
    "<pre>  keep\n    this  layout</pre>\n"
    "<p>First line<br><br>after two breaks</p>\n"
    "<table><tr><th>Town</th><th>Killed</th></tr><tr><td>Makchifa</td><td>4</td></tr></table>\n"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;

  article = attest_html_extract (page, strlen (page), NULL, NULL, &error);
  g_assert_no_error (error);
  assert_valid_utf8 (article->text);
  g_assert_cmpstr (article->text, ==,
                   "Runs of spaces collapse, entities decode: & éA <b>.\n\n"
                   "A line\nbreak stays inside the paragraph.\n\n"
                   "Numeric references “like” these are windows-1252–style.\n\n"
                   "Loose text in a div\n\n"
                   "and a paragraph in it\n\n"
                   "and more loose text\n\n"
                   "  keep\n    this  layout\n\n"
                   "First line\n\n"
                   "after two breaks\n\n"
                   "Town\tKilled\nMakchifa\t4");
}

static void
test_lists (void)
{
  const char *page =
    "<html><body><div class='content'>"
    "<p>An introduction long enough to be scored as the text of an article, with commas.</p>"
    "<ol start='3'><li><p>Third item, in a paragraph</p></li><li>Fourth<br>item</li>"
    "<li><img src='x.png'></li><li>Sixth</li></ol>"
    "<ul><li><p>A bullet</p><p>and its second paragraph</p></li><li>Last bullet</li></ul>"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;

  article = attest_html_extract (page, strlen (page), NULL, NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (article);
  g_assert_cmpstr (article->text, ==,
                   "An introduction long enough to be scored as the text of an article, with "
                   "commas.\n\n"
                   "3. Third item, in a paragraph\n\n"
                   "4. Fourth\nitem\n\n"
                   "6. Sixth\n\n"
                   "• A bullet\n\n"
                   "and its second paragraph\n\n"
                   "• Last bullet");
}

static void
assert_refused (const char *data,
                gsize       length,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;

  article = attest_html_extract (data, length, NULL, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, what) == NULL)
    g_error ("expected “%s” in the message: %s", what, error->message);
}

static void
test_refused (void)
{
  g_autoptr(GBytes) empty = load_fixture ("empty.html");
  g_autoptr(GBytes) binary = load_fixture ("binary.html");
  const char *nav_only =
    "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>";
  const char *no_body = "<html><head><title>Nothing</title></head><body>  </body></html>";
  const char *text = "Just some plain text with no markup at all, but many words in it.";
  gsize length;
  const char *data;

  data = g_bytes_get_data (empty, &length);
  g_assert_cmpuint (length, ==, 0);
  assert_refused (data != NULL ? data : "", length, "empty");
  data = g_bytes_get_data (binary, &length);
  assert_refused (data, length, "binary");
  assert_refused ("<html>\0\0\0\0</html>", 17, "binary");
  assert_refused (text, strlen (text), "HTML");
  assert_refused (nav_only, strlen (nav_only), "No article text");
  assert_refused (no_body, strlen (no_body), "No article text");
}

static const char article_html[] =
  "<p>The village council met on Tuesday to discuss the repairs to the school, which was "
  "damaged in the storm, and agreed to ask the province for an emergency grant.</p>";

/* 10,000 nested elements: libxml2 stops at its depth limit, our walks do not recurse. */
static void
test_deep_nesting (void)
{
  static const char *const tags[] = { "div", "b", "table" };

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      g_autoptr(GString) page = g_string_new ("<html><body><article>");
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestHtmlArticle) article = NULL;

      g_string_append (page, article_html);
      for (guint i = 0; i < 10000; i++)
        g_string_append_printf (page, "<%s>", tags[t]);
      g_string_append (page, "deep text");
      for (guint i = 0; i < 10000; i++)
        g_string_append_printf (page, "</%s>", tags[t]);
      g_string_append (page, "</article></body></html>");

      article = attest_html_extract (page->str, page->len, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_article_sane (article);
      g_assert_nonnull (strstr (article->text, "agreed to ask the province"));
    }
}

/* A 50 MB page: one article of many paragraphs inside the usual furniture. */
static void
test_large_page (void)
{
  g_autoptr(GString) page = g_string_sized_new (51 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;
  gint64 start;
  guint n = 0;

  g_string_append (page, "<html><head><title>Large</title></head><body>"
                         "<nav><a href='/'>Home</a></nav><div class='article-body'>");
  while (page->len < 50 * 1024 * 1024)
    {
      g_string_append_printf (page, "<p>Paragraph %u: the reporters counted the damaged houses "
                                    "street by street, and wrote down the names, ages and "
                                    "stories of the families who had lost everything.</p>\n", n++);
    }
  g_string_append (page, "</div><footer>Footer</footer></body></html>");

  start = g_get_monotonic_time ();
  article = attest_html_extract (page->str, page->len, NULL, NULL, &error);
  g_test_message ("%.1f MB extracted in %.2f s", page->len / 1048576.0,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_no_error (error);
  assert_valid_utf8 (article->text);
  g_assert_true (g_str_has_prefix (article->text, "Paragraph 0: the reporters"));
  g_assert_nonnull (strstr (article->text, "Paragraph 100000: "));
  g_assert_null (strstr (article->text, "Footer"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attest/html/news-page", test_news_page);
  g_test_add_func ("/attest/html/base-url", test_base_url);
  g_test_add_func ("/attest/html/json-ld", test_json_ld);
  g_test_add_func ("/attest/html/json-ld-body", test_json_ld_body);
  g_test_add_func ("/attest/html/metadata-forms", test_metadata_forms);
  g_test_add_func ("/attest/html/arabic-windows-1256", test_arabic_windows_1256);
  g_test_add_func ("/attest/html/http-charset", test_http_charset);
  g_test_add_func ("/attest/html/windows-1252", test_windows_1252);
  g_test_add_func ("/attest/html/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/attest/html/unlabelled", test_unlabelled);
  g_test_add_func ("/attest/html/utf16", test_utf16);
  g_test_add_func ("/attest/html/whitespace", test_whitespace);
  g_test_add_func ("/attest/html/lists", test_lists);
  g_test_add_func ("/attest/html/refused", test_refused);
  g_test_add_func ("/attest/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/attest/html/large-page", test_large_page);

  return g_test_run ();
}
