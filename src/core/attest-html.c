/* attest-html.c: the main text and metadata of a saved web page.
 *
 * The page is decoded to UTF-8 first (BOM, HTTP charset, <meta> charset, then a guess),
 * parsed by libxml2's HTML parser, and its metadata read from <meta>, <link>, <html lang>
 * and JSON-LD. The article body is found the way Readability finds it, with a few changes:
 * text in links counts for little, class and id hints are matched as words, and blocks
 * inside the chosen container are cleaned by their own statistics. Every walk over the tree
 * is iterative, so a deeply nested page cannot exhaust the stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-html"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "attest-error.h"
#include "attest-html.h"

#define SNIFF_BYTES          8192      /* where NUL bytes mean a binary file */
#define META_SCAN_BYTES      65536     /* where <meta charset> is looked for */
#define MIN_PARAGRAPH_CHARS  25        /* shorter blocks do not score (Readability's 25) */
#define MIN_ARTICLE_CHARS    500       /* less text than this: try again, pruning less */
#define WRAPPER_SHARE        0.7       /* of the body's text: never pruned as furniture */
#define SAME_CLASS_PARA      0.1       /* of the top candidate's paragraph text */
#define LINKY_PARAGRAPH      0.7       /* link density of a paragraph that is a teaser */
#define FURNITURE_MAX_CHARS  100       /* longer blocks are never page furniture by their words */
#define BYLINE_MAX_CHARS     100
#define MAX_HEADINGS         64
#define MAX_BYLINE_CHECKS    64
#define JSON_MAX_NESTING     64

/* ------------------------------------------------------------------------------------- */
/* Tags                                                                                  */
/* ------------------------------------------------------------------------------------- */

typedef enum
{
  TAG_BLOCK      = 1 << 0,   /* ends the paragraph before and after it */
  TAG_DROP       = 1 << 1,   /* never part of the text: scripts, media, controls */
  TAG_BOILER     = 1 << 2,   /* page furniture by its very tag: nav, aside, footer */
  TAG_HEADING    = 1 << 3,
  TAG_LIST       = 1 << 4,   /* ul, ol */
  TAG_ITEM       = 1 << 5,   /* li */
  TAG_TABLE_PART = 1 << 6,   /* tr, td, th, tbody, … */
  TAG_CELL       = 1 << 7,   /* td, th */
  TAG_LINK       = 1 << 8,   /* a */
  TAG_PRE        = 1 << 9,
  TAG_EMBED      = 1 << 10,  /* counted before being dropped: img, iframe, embed, object */
  TAG_INPUT      = 1 << 11,
  TAG_CONTAINER  = 1 << 12,  /* cleaned by its statistics when inside the article */
  TAG_IMAGE      = 1 << 13,
} TagFlags;

static const struct
{
  const char *name;
  guint       flags;
} tag_table[] = {
  { "address", TAG_BLOCK },
  { "article", TAG_BLOCK | TAG_CONTAINER },
  { "aside", TAG_BLOCK | TAG_BOILER },
  { "blockquote", TAG_BLOCK },
  { "body", TAG_BLOCK },
  { "caption", TAG_BLOCK | TAG_TABLE_PART },
  { "center", TAG_BLOCK | TAG_CONTAINER },
  { "col", TAG_TABLE_PART },
  { "colgroup", TAG_TABLE_PART },
  { "dd", TAG_BLOCK },
  { "details", TAG_BLOCK | TAG_CONTAINER },
  { "dir", TAG_BLOCK | TAG_LIST | TAG_CONTAINER },
  { "div", TAG_BLOCK | TAG_CONTAINER },
  { "dl", TAG_BLOCK | TAG_CONTAINER },
  { "dt", TAG_BLOCK },
  { "fieldset", TAG_BLOCK | TAG_CONTAINER },
  { "figcaption", TAG_BLOCK },
  { "figure", TAG_BLOCK | TAG_CONTAINER },
  { "footer", TAG_BLOCK | TAG_BOILER },
  { "form", TAG_BLOCK | TAG_CONTAINER },
  { "h1", TAG_BLOCK | TAG_HEADING },
  { "h2", TAG_BLOCK | TAG_HEADING },
  { "h3", TAG_BLOCK | TAG_HEADING },
  { "h4", TAG_BLOCK | TAG_HEADING },
  { "h5", TAG_BLOCK | TAG_HEADING },
  { "h6", TAG_BLOCK | TAG_HEADING },
  { "header", TAG_BLOCK | TAG_CONTAINER },
  { "hgroup", TAG_BLOCK },
  { "hr", TAG_BLOCK },
  { "html", TAG_BLOCK },
  { "legend", TAG_BLOCK },
  { "li", TAG_BLOCK | TAG_ITEM },
  { "main", TAG_BLOCK | TAG_CONTAINER },
  { "menu", TAG_BLOCK | TAG_BOILER },
  { "nav", TAG_BLOCK | TAG_BOILER },
  { "ol", TAG_BLOCK | TAG_LIST | TAG_CONTAINER },
  { "p", TAG_BLOCK },
  { "pre", TAG_BLOCK | TAG_PRE },
  { "section", TAG_BLOCK | TAG_CONTAINER },
  { "summary", TAG_BLOCK },
  { "table", TAG_BLOCK | TAG_CONTAINER },
  { "tbody", TAG_BLOCK | TAG_TABLE_PART },
  { "td", TAG_BLOCK | TAG_TABLE_PART | TAG_CELL },
  { "tfoot", TAG_BLOCK | TAG_TABLE_PART },
  { "th", TAG_BLOCK | TAG_TABLE_PART | TAG_CELL },
  { "thead", TAG_BLOCK | TAG_TABLE_PART },
  { "tr", TAG_BLOCK | TAG_TABLE_PART },
  { "ul", TAG_BLOCK | TAG_LIST | TAG_CONTAINER },
  { "a", TAG_LINK },
  { "applet", TAG_DROP | TAG_EMBED },
  { "area", TAG_DROP },
  { "audio", TAG_DROP },
  { "base", TAG_DROP },
  { "button", TAG_DROP | TAG_INPUT },
  { "canvas", TAG_DROP },
  { "datalist", TAG_DROP },
  { "dialog", TAG_DROP },
  { "embed", TAG_DROP | TAG_EMBED },
  { "frame", TAG_DROP },
  { "frameset", TAG_DROP },
  { "head", TAG_DROP },
  { "iframe", TAG_DROP | TAG_EMBED },
  { "img", TAG_DROP | TAG_IMAGE },
  { "input", TAG_DROP | TAG_INPUT },
  { "link", TAG_DROP },
  { "map", TAG_DROP },
  { "math", TAG_DROP },
  { "meta", TAG_DROP },
  { "meter", TAG_DROP },
  { "noscript", TAG_DROP },
  { "object", TAG_DROP | TAG_EMBED },
  { "optgroup", TAG_DROP },
  { "option", TAG_DROP },
  { "picture", TAG_DROP | TAG_IMAGE },
  { "progress", TAG_DROP },
  { "script", TAG_DROP },
  { "select", TAG_DROP | TAG_INPUT },
  { "source", TAG_DROP },
  { "style", TAG_DROP },
  { "svg", TAG_DROP },
  { "template", TAG_DROP },
  { "textarea", TAG_DROP | TAG_INPUT },
  { "title", TAG_DROP },
  { "track", TAG_DROP },
  { "video", TAG_DROP },
};

static GHashTable *
tag_flags_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (tag_table); i++)
        g_hash_table_insert (t, (gpointer) tag_table[i].name,
                             GUINT_TO_POINTER (tag_table[i].flags));
      g_once_init_leave (&table, t);
    }

  return table;
}

static guint
tag_flags (const xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_flags_table (), node->name));
}

static gboolean
is_tag (const xmlNode *node,
        const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
         && strcmp ((const char *) node->name, name) == 0;
}

/* An attribute's value, borrowed from the tree (NULL when absent). The HTML parser keeps
 * attribute values as one text child. */
static const char *
attr (const xmlNode *node,
      const char    *name)
{
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->name != NULL && g_ascii_strcasecmp ((const char *) a->name, name) == 0)
        {
          if (a->children != NULL && a->children->type == XML_TEXT_NODE
              && a->children->next == NULL)
            return (const char *) a->children->content;
          return "";
        }
    }

  return NULL;
}

/* ------------------------------------------------------------------------------------- */
/* Walking the tree without recursion                                                   */
/* ------------------------------------------------------------------------------------- */

typedef enum
{
  WALK_CONTINUE,
  WALK_SKIP_CHILDREN,
  WALK_REMOVE,          /* unlink and free the node, and go on after it */
  WALK_STOP,
} WalkAction;

typedef WalkAction (*WalkEnterFunc) (xmlNode  *node,
                                     gpointer  user_data);
typedef void       (*WalkLeaveFunc) (xmlNode  *node,
                                     gpointer  user_data);

/* Visits @root's subtree in document order: @enter before a node's children, @leave after
 * them (not for removed nodes). */
static void
walk_tree (xmlNode       *root,
           WalkEnterFunc  enter,
           WalkLeaveFunc  leave,
           gpointer       user_data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      WalkAction action = enter (node, user_data);
      xmlNode *up;

      if (action == WALK_STOP)
        return;

      if (action == WALK_CONTINUE && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      if (action == WALK_REMOVE)
        {
          xmlNode *next = node->next;
          gboolean was_root = node == root;

          up = node->parent;
          xmlUnlinkNode (node);
          xmlFreeNode (node);
          if (was_root)
            return;
          if (next != NULL)
            {
              node = next;
              continue;
            }
        }
      else
        up = node;

      /* Leave @up, then each ancestor whose last child was just left. */
      node = NULL;
      while (up != NULL)
        {
          xmlNode *next = up->next;
          xmlNode *parent = up->parent;

          if (leave != NULL)
            leave (up, user_data);
          if (up == root)
            break;
          if (next != NULL)
            {
              node = next;
              break;
            }
          up = parent;
        }
    }
}

/* ------------------------------------------------------------------------------------- */
/* Small text helpers                                                                    */
/* ------------------------------------------------------------------------------------- */

/* Whitespace as HTML collapses it, plus the no-break space. */
static inline gsize
space_len (const guchar *p,
           const guchar *end)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
    return 1;
  if (*p == 0xC2 && p + 1 < end && p[1] == 0xA0)
    return 2;
  return 0;
}

/* Characters that are invisible in text and only get in the way: C0 controls, the soft
 * hyphen, the zero-width space and a stray BOM. Joiners and direction marks stay: Arabic
 * and Persian text needs them. */
static inline gsize
invisible_len (const guchar *p,
               const guchar *end)
{
  if (*p < 0x20 || *p == 0x7F)
    return 1;
  if (*p == 0xC2 && p + 1 < end && p[1] == 0xAD)
    return 2;
  if (*p == 0xE2 && p + 2 < end && p[1] == 0x80 && p[2] == 0x8B)
    return 3;
  if (*p == 0xEF && p + 2 < end && p[1] == 0xBB && p[2] == 0xBF)
    return 3;
  return 0;
}

/* C1 control characters in text are windows-1252 punctuation that went through the wrong
 * decoder, or numeric references like &#147; that HTML maps to windows-1252 and libxml2
 * does not. Returns the character @p stands for ("" to drop it), or NULL if @p is not a
 * C1 control. */
static inline const char *
c1_replacement (const guchar *p,
                const guchar *end)
{
  static const char *const windows_1252[32] = {
    "€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
    "", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ",
  };

  if (*p == 0xC2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9F)
    return windows_1252[p[1] - 0x80];

  return NULL;
}

/* Commas in the scripts of our users: Latin, Arabic, CJK full-width and ideographic. */
static inline gboolean
is_comma (const guchar *p,
          const guchar *end)
{
  if (*p == ',')
    return TRUE;
  if (*p == 0xD8 && p + 1 < end && p[1] == 0x8C)
    return TRUE;
  if (*p == 0xEF && p + 2 < end && p[1] == 0xBC && p[2] == 0x8C)
    return TRUE;
  if (*p == 0xE3 && p + 2 < end && p[1] == 0x80 && p[2] == 0x81)
    return TRUE;
  return FALSE;
}

/* Characters of @s once whitespace runs collapse to one, and its commas. */
static void
measure_text (const char *s,
              guint      *chars,
              guint      *commas)
{
  const guchar *p = (const guchar *) s;
  const guchar *end = p + strlen (s);
  gboolean in_space = TRUE;
  guint n = 0, c = 0;

  while (p < end)
    {
      gsize sp = space_len (p, end);

      if (sp > 0)
        {
          if (!in_space)
            n++;
          in_space = TRUE;
          p += sp;
          continue;
        }
      in_space = FALSE;
      if ((*p & 0xC0) != 0x80)
        n++;
      if (*p == ',' || *p >= 0xD8)
        c += is_comma (p, end);
      p++;
    }

  *chars = n;
  *commas = c;
}

/* Appends @s to @out with whitespace collapsed; stops once @out holds @max bytes. */
static void
append_collapsed (GString    *out,
                  const char *s,
                  gsize       max)
{
  const guchar *p = (const guchar *) s;
  const guchar *end = p + strlen (s);

  while (p < end && out->len < max)
    {
      gsize n = space_len (p, end);

      if (n > 0)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          p += n;
          continue;
        }
      n = invisible_len (p, end);
      if (n > 0)
        {
          p += n;
          continue;
        }
      if (c1_replacement (p, end) != NULL)
        {
          g_string_append (out, c1_replacement (p, end));
          p += 2;
          continue;
        }
      /* Whole characters, so that stopping at @max leaves valid UTF-8. */
      n = 1;
      while (p + n < end && (p[n] & 0xC0) == 0x80)
        n++;
      g_string_append_len (out, (const char *) p, n);
      p += n;
    }
}

static char *
collapse_string (const char *s)
{
  g_autoptr(GString) out = NULL;

  if (s == NULL)
    return NULL;

  out = g_string_new (NULL);
  append_collapsed (out, s, G_MAXSIZE);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return NULL;

  return g_utf8_make_valid (out->str, out->len);
}

typedef struct
{
  GString *out;
  gsize    max;
} CollectText;

static WalkAction
collect_text_enter (xmlNode  *node,
                    gpointer  user_data)
{
  CollectText *ct = user_data;

  if (ct->out->len >= ct->max)
    return WALK_STOP;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_collapsed (ct->out, (const char *) node->content, ct->max);
    }
  else if (node->type == XML_ELEMENT_NODE && (tag_flags (node) & TAG_DROP)
           && !is_tag (node, "title"))
    return WALK_SKIP_CHILDREN;
  else if (node->type == XML_ELEMENT_NODE && (tag_flags (node) & TAG_BLOCK)
           && ct->out->len > 0 && ct->out->str[ct->out->len - 1] != ' ')
    g_string_append_c (ct->out, ' ');

  return WALK_CONTINUE;
}

/* The text of @node with whitespace collapsed and trimmed, at most about @max bytes. */
static char *
node_text (xmlNode *node,
           gsize    max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  CollectText ct = { out, max };

  walk_tree (node, collect_text_enter, NULL, &ct);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->str[0] == ' ')
    g_string_erase (out, 0, 1);

  return g_utf8_make_valid (out->str, out->len);
}

static guint
word_count (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }

  return n;
}

static gboolean
str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ------------------------------------------------------------------------------------- */
/* Input checks and character sets                                                      */
/* ------------------------------------------------------------------------------------- */

/* NUL bytes, or many control characters, near the start mean this is not a text file. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (data[i] == 0)
        return TRUE;
      if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
          && data[i] != '\f' && data[i] != 0x1B)
        controls++;
    }

  return controls > n / 10;
}

/* Markup has a tag (or a comment or doctype) near the start. */
static gboolean
looks_like_markup (const char *data,
                   gsize       length)
{
  gsize n = MIN (length, (gsize) META_SCAN_BYTES);

  for (gsize i = 0; i + 1 < n; i++)
    if (data[i] == '<' && (g_ascii_isalpha (data[i + 1]) || data[i + 1] == '!'
                           || data[i + 1] == '?' || data[i + 1] == '/'))
      return TRUE;

  return FALSE;
}

/* Maps a charset label to a name iconv knows, after the WHATWG Encoding standard: labels
 * for Latin-1 and ASCII mean windows-1252, GB2312 means GBK (of which GB18030 is a
 * superset), and a page that says UTF-16 in a <meta> is really UTF-8. */
static char *
charset_for_label (const char *label,
                   gboolean    from_meta)
{
  g_autofree char *l = NULL;
  static const struct
  {
    const char *label;
    const char *charset;
  } aliases[] = {
    { "utf8", "UTF-8" }, { "utf-8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    { "x-unicode20utf8", "UTF-8" },
    { "ascii", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
    { "ansi_x3.4-1968", "WINDOWS-1252" }, { "iso-8859-1", "WINDOWS-1252" },
    { "iso8859-1", "WINDOWS-1252" }, { "iso_8859-1", "WINDOWS-1252" },
    { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
    { "x-cp1252", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
    { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
    { "iso-8859-11", "WINDOWS-874" }, { "tis-620", "WINDOWS-874" },
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
    { "chinese", "GB18030" }, { "gb_2312-80", "GB18030" },
    { "shift_jis", "WINDOWS-31J" }, { "shift-jis", "WINDOWS-31J" }, { "sjis", "WINDOWS-31J" },
    { "x-sjis", "WINDOWS-31J" }, { "ms_kanji", "WINDOWS-31J" }, { "ms932", "WINDOWS-31J" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "windows-949", "CP949" },
    { "big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
    { "cp1256", "WINDOWS-1256" }, { "x-cp1256", "WINDOWS-1256" },
    { "cp1251", "WINDOWS-1251" }, { "x-cp1251", "WINDOWS-1251" },
    { "koi8_r", "KOI8-R" },
  };

  if (label == NULL)
    return NULL;

  l = g_ascii_strdown (label, -1);
  g_strstrip (l);
  /* Quotes and trailing junk that sites put in their headers. */
  l[strcspn (l, "\"'; ,")] = '\0';
  if (*l == '\0')
    return NULL;

  if (g_str_has_prefix (l, "utf-16") || g_str_has_prefix (l, "utf16"))
    return g_strdup (from_meta ? "UTF-8" : (strstr (l, "be") != NULL ? "UTF-16BE"
                                                                     : "UTF-16LE"));
  /* Encodings no browser decodes web pages with. */
  if (g_str_has_prefix (l, "utf-7") || g_str_has_prefix (l, "utf-32") || g_str_has_prefix (l, "ucs")
      || g_str_has_prefix (l, "utf32") || g_str_has_prefix (l, "utf7"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (l, aliases[i].label) == 0)
      return g_strdup (aliases[i].charset);

  /* Anything else iconv must know by name, or we ignore the label. */
  {
    g_autofree char *upper = g_ascii_strup (l, -1);
    GIConv cd = g_iconv_open ("UTF-8", upper);

    if (cd == (GIConv) -1)
      return NULL;
    g_iconv_close (cd);
    return g_steal_pointer (&upper);
  }
}

/* The charset a <meta charset> or <meta http-equiv=content-type> in the first bytes names,
 * or an XML declaration's encoding. Comments are skipped. */
static char *
sniff_meta_charset (const char *data,
                    gsize       length)
{
  gsize n = MIN (length, (gsize) META_SCAN_BYTES);
  const char *end = data + n;
  const char *p = data;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *gt;
      g_autofree char *tag = NULL;
      const char *cs;

      if (lt == NULL)
        break;
      if (end - lt >= 4 && memcmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt + 4, end - lt - 4, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          continue;
        }
      gt = memchr (lt, '>', end - lt);
      if (gt == NULL)
        break;
      p = gt + 1;
      if (gt - lt < 6)
        continue;
      if (g_ascii_strncasecmp (lt, "<meta", 5) != 0 && g_ascii_strncasecmp (lt, "<?xml", 5) != 0)
        continue;

      tag = g_ascii_strdown (lt, gt - lt);
      cs = strstr (tag, "charset");
      if (cs != NULL)
        cs += strlen ("charset");
      else if (tag[1] == '?' && (cs = strstr (tag, "encoding")) != NULL)
        cs += strlen ("encoding");
      if (cs == NULL)
        continue;
      while (*cs == ' ' || *cs == '\t' || *cs == '\n' || *cs == '\r')
        cs++;
      if (*cs != '=')
        continue;
      cs++;
      while (*cs == ' ' || *cs == '\t' || *cs == '"' || *cs == '\'')
        cs++;
      {
        gsize len = strcspn (cs, "\"' \t\n\r;/>");
        g_autofree char *label = g_strndup (cs, len);
        char *charset = charset_for_label (label, TRUE);

        if (charset != NULL)
          return charset;
      }
    }

  return NULL;
}

/* Converts with iconv; a byte sequence that is not valid in @charset becomes U+FFFD. */
static GString *
convert_lossy (const char *data,
               gsize       length,
               const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char *in = (char *) data;
  gsize in_left = length;
  /* Skipping a bad unit must keep UTF-16 aligned. */
  gsize unit = g_str_has_prefix (charset, "UTF-16") ? 2 : 1;

  if (cd == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (length + length / 2 + 16);
  while (in_left > 0)
    {
      char buf[16384];
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1)
        continue;
      if (saved == E2BIG)
        continue;
      /* EILSEQ or EINVAL (truncated at the end): replace one unit and go on. */
      g_string_append (out, "\xEF\xBF\xBD");
      in += MIN (unit, in_left);
      in_left -= MIN (unit, in_left);
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  {
    char buf[64];
    char *o = buf;
    gsize o_left = sizeof buf;

    g_iconv (cd, NULL, NULL, &o, &o_left);
    g_string_append_len (out, buf, o - buf);
  }
  g_iconv_close (cd);

  return out;
}

/* Replaces NUL bytes, so that the parser sees the whole page. */
static void
replace_nuls (GString *s)
{
  for (char *p = memchr (s->str, 0, s->len); p != NULL;
       p = memchr (p, 0, s->len - (p - s->str)))
    *p = ' ';
}

/* Without any label, a page with more well-formed UTF-8 sequences than stray bytes is UTF-8
 * with a few bad bytes rather than windows-1252. */
static gboolean
mostly_utf8 (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize good = 0, bad = 0;

  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      /* Count the multi-byte characters of the valid run before the bad byte. */
      for (const char *q = p; q < stop; q++)
        good += ((guchar) *q & 0xC0) == 0xC0;
      bad++;
      p = stop + 1;
    }
  for (; p < end; p++)
    good += ((guchar) *p & 0xC0) == 0xC0;

  return good > bad;
}

/* Decodes the page to UTF-8. Returns NULL when @data already is clean UTF-8 and can be
 * parsed as it is (after @skip bytes of BOM). */
static GString *
decode_page (const char  *data,
             gsize        length,
             const char  *http_charset,
             gsize       *skip)
{
  const guchar *u = (const guchar *) data;
  g_autofree char *charset = NULL;
  GString *out = NULL;
  gboolean valid_utf8 = FALSE;

  *skip = 0;

  /* A byte-order mark wins over every label, as in browsers. */
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *skip = 3;
      charset = g_strdup ("UTF-8");
    }
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      *skip = 2;
      charset = g_strdup ("UTF-16LE");
    }
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      *skip = 2;
      charset = g_strdup ("UTF-16BE");
    }

  if (charset == NULL && !str_empty (http_charset))
    charset = charset_for_label (http_charset, FALSE);
  /* A page saved to disk is often re-encoded to UTF-8 and keeps its old <meta charset>;
   * text in a legacy charset is almost never valid UTF-8 by chance. */
  if (charset == NULL && (valid_utf8 = g_utf8_validate_len (data, length, NULL)))
    charset = g_strdup ("UTF-8");
  if (charset == NULL)
    charset = sniff_meta_charset (data, length);
  if (charset == NULL)
    charset = g_strdup (mostly_utf8 (data, length) ? "UTF-8" : "WINDOWS-1252");

  g_debug ("decoding as %s", charset);
  data += *skip;
  length -= *skip;

  if (strcmp (charset, "UTF-8") == 0 && (valid_utf8 || g_utf8_validate_len (data, length, NULL)))
    return NULL;

  if (strcmp (charset, "UTF-8") != 0)
    out = convert_lossy (data, length, charset);
  if (out == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (data, length);

      out = g_string_new (valid);
    }
  *skip = 0;
  replace_nuls (out);

  return out;
}

/* ------------------------------------------------------------------------------------- */
/* Class and id hints                                                                    */
/* ------------------------------------------------------------------------------------- */

/* Words in class and id that mark page furniture, matched inside longer names
 * ("site-sidebar", "commentList"). */
static const char *const unlikely_parts[] = {
  "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community",
  "cookie", "cover-wrap", "disqus", "footer", "gdpr", "header", "legends", "menu",
  "newsletter", "pagination", "pager", "popup", "promo", "related", "remark", "replies",
  "rss", "share", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "subscribe",
  "supplemental", "outbrain", "taboola", "navbar", "navigation", "masthead", "signup",
  "modal", "recommend",
};

/* Whole words that would match too much as parts ("ad" in "header"). */
static const char *const unlikely_words[] = {
  "ad", "ads", "advert", "advertisement", "nav", "extra", "tags", "topics", "toolbar",
};

/* Words that outweigh an unlikely one in the same name ("article-header"). */
static const char *const maybe_parts[] = {
  "article", "body", "column", "content", "main", "story", "entry", "shadow",
};

static const char *const negative_parts[] = {
  "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
  "outbrain", "taboola", "promo", "related", "share", "shoutbox",
  "sidebar", "skyscraper", "sponsor", "shopping", "social", "cookie",
  "newsletter", "subscribe", "caption", "byline", "author", "dateline",
  "timestamp", "recommend", "popular", "trending", "breadcrumb",
};

static const char *const negative_words[] = {
  "ad", "ads", "advert", "advertisement", "nav", "meta", "tags", "hid", "tools",
  "toolbar", "credit", "credits",
};

static const char *const positive_parts[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post",
  "text", "blog", "story", "prose",
};

static gboolean
has_word_in (const char        *word,
             gsize              len,
             const char *const *words,
             guint              n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (word, words[i], len) == 0)
      return TRUE;

  return FALSE;
}

/* Splits "site-nav main_Content" into lower-case words and tests each against @words. */
static gboolean
has_word (const char        *name,
          const char *const *words,
          guint              n_words)
{
  const char *p = name;

  while (*p != '\0')
    {
      gsize len;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      len = 0;
      while (g_ascii_isalnum (p[len]))
        len++;
      if (len == 0)
        break;
      if (has_word_in (p, len, words, n_words))
        return TRUE;
      p += len;
    }

  return FALSE;
}

static gboolean
has_part (const char        *lower,
          const char *const *parts,
          guint              n_parts)
{
  for (guint i = 0; i < n_parts; i++)
    if (strstr (lower, parts[i]) != NULL)
      return TRUE;

  return FALSE;
}

static int
name_weight (const char *name)
{
  g_autofree char *lower = NULL;
  int weight = 0;

  if (str_empty (name))
    return 0;

  lower = g_ascii_strdown (name, -1);
  if (has_part (lower, negative_parts, G_N_ELEMENTS (negative_parts))
      || has_word (lower, negative_words, G_N_ELEMENTS (negative_words)))
    weight -= 25;
  if (has_part (lower, positive_parts, G_N_ELEMENTS (positive_parts)))
    weight += 25;

  return weight;
}

/* Readability's class weight: ±25 for each of class and id, plus the schema.org marker
 * of an article's body. */
static int
class_weight (const xmlNode *node)
{
  const char *itemprop = attr (node, "itemprop");
  int weight = name_weight (attr (node, "class")) + name_weight (attr (node, "id"));

  if (itemprop != NULL && strstr (itemprop, "articleBody") != NULL)
    weight += 25;

  return weight;
}

static gboolean
is_unlikely (const xmlNode *node)
{
  const char *cls = attr (node, "class");
  const char *id = attr (node, "id");
  const char *role = attr (node, "role");
  g_autofree char *both = NULL;
  g_autofree char *lower = NULL;

  if (role != NULL)
    {
      static const char *const roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
        "banner", "contentinfo", "search",
      };

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (g_ascii_strcasecmp (role, roles[i]) == 0)
          return TRUE;
    }

  if (str_empty (cls) && str_empty (id))
    return FALSE;

  both = g_strconcat (cls != NULL ? cls : "", " ", id != NULL ? id : "", NULL);
  lower = g_ascii_strdown (both, -1);
  if (!has_part (lower, unlikely_parts, G_N_ELEMENTS (unlikely_parts))
      && !has_word (lower, unlikely_words, G_N_ELEMENTS (unlikely_words)))
    return FALSE;

  return !has_part (lower, maybe_parts, G_N_ELEMENTS (maybe_parts));
}

/* ------------------------------------------------------------------------------------- */
/* Metadata                                                                              */
/* ------------------------------------------------------------------------------------- */

typedef struct
{
  GHashTable *meta;          /* normalised name or property → content, last one wins */
  GPtrArray  *authors;       /* citation_author, which repeats for each author */
  GPtrArray  *jsonld;        /* texts of application/ld+json scripts */
  char       *title;         /* <title> */
  char       *lang;
  char       *canonical;
  char       *base_href;
  char       *dom_byline;
  guint       n_h1;
  char       *h1;            /* the text of the first <h1> */
  GPtrArray  *headings;      /* texts of the first <h1> and <h2> elements */
  xmlNode    *byline_node;
  guint       byline_checks; /* elements looked at as bylines, bounded on hostile pages */
} PageMeta;

static void
page_meta_clear (PageMeta *pm)
{
  g_clear_pointer (&pm->meta, g_hash_table_unref);
  g_clear_pointer (&pm->authors, g_ptr_array_unref);
  g_clear_pointer (&pm->jsonld, g_ptr_array_unref);
  g_clear_pointer (&pm->title, g_free);
  g_clear_pointer (&pm->lang, g_free);
  g_clear_pointer (&pm->canonical, g_free);
  g_clear_pointer (&pm->base_href, g_free);
  g_clear_pointer (&pm->dom_byline, g_free);
  g_clear_pointer (&pm->h1, g_free);
  g_clear_pointer (&pm->headings, g_ptr_array_unref);
}

static void
meta_set (PageMeta   *pm,
          const char *key,
          const char *content)
{
  g_autofree char *k = g_ascii_strdown (key, -1);
  char *value;
  char *w, *r;

  /* "dc.Creator " and "dc:creator" are the same key. */
  for (r = w = k; *r != '\0'; r++)
    {
      if (g_ascii_isspace (*r))
        continue;
      *w++ = *r == '.' ? ':' : *r;
    }
  *w = '\0';

  value = collapse_string (content);
  if (value == NULL)
    return;

  if (strcmp (k, "citation_author") == 0)
    g_ptr_array_add (pm->authors, g_strdup (value));
  g_hash_table_replace (pm->meta, g_steal_pointer (&k), value);
}

static const char *
meta_get (PageMeta   *pm,
          const char *key)
{
  return g_hash_table_lookup (pm->meta, key);
}

static void
read_meta_element (PageMeta *pm,
                   xmlNode  *node)
{
  const char *content = attr (node, "content");
  const char *property = attr (node, "property");
  const char *name = attr (node, "name");
  const char *http_equiv = attr (node, "http-equiv");
  const char *itemprop = attr (node, "itemprop");

  if (content == NULL)
    return;

  if (property != NULL)
    {
      g_auto(GStrv) keys = g_strsplit_set (property, " \t\n", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        if (*keys[i] != '\0')
          meta_set (pm, keys[i], content);
    }
  if (name != NULL)
    meta_set (pm, name, content);
  if (http_equiv != NULL && g_ascii_strcasecmp (http_equiv, "content-language") == 0)
    meta_set (pm, "content-language", content);
  if (itemprop != NULL && property == NULL && name == NULL)
    meta_set (pm, itemprop, content);
}

static gboolean
has_rel (const xmlNode *node,
         const char    *value)
{
  const char *rel = attr (node, "rel");
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;

  tokens = g_strsplit_set (rel, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], value) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_json_ld (const xmlNode *node)
{
  const char *type = attr (node, "type");

  return type != NULL && g_ascii_strncasecmp (type, "application/ld+json", 19) == 0;
}

/* The byline as Readability finds it in the page: the first short element marked as the
 * author by rel, itemprop or its class or id. */
static gboolean
looks_like_byline (const xmlNode *node)
{
  const char *rel = attr (node, "rel");
  const char *itemprop = attr (node, "itemprop");
  const char *cls = attr (node, "class");
  const char *id = attr (node, "id");
  static const char *const parts[] = { "byline", "author", "dateline", "writtenby", "p-author" };
  g_autofree char *both = NULL;

  if (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
    return TRUE;
  if (itemprop != NULL && strstr (itemprop, "author") != NULL)
    return TRUE;
  if (str_empty (cls) && str_empty (id))
    return FALSE;

  both = g_ascii_strdown (cls != NULL ? cls : "", -1);
  if (has_part (both, parts, G_N_ELEMENTS (parts)))
    return TRUE;
  g_clear_pointer (&both, g_free);
  both = g_ascii_strdown (id != NULL ? id : "", -1);

  return has_part (both, parts, G_N_ELEMENTS (parts));
}

/* ------------------------------------------------------------------------------------- */
/* Per-element statistics                                                                */
/* ------------------------------------------------------------------------------------- */

typedef enum
{
  NODE_BLOCKISH        = 1 << 0,  /* a block, or an inline holding one */
  NODE_HAS_BLOCK_CHILD = 1 << 1,
  NODE_CONTAINS_BLOCK  = 1 << 2,  /* a block other than table parts below it */
  NODE_CANDIDATE       = 1 << 3,  /* has a content score */
  NODE_POSITIVE        = 1 << 4,  /* itself or a descendant is marked as the article body */
  NODE_SKIP            = 1 << 5,  /* left out of the text */
} NodeFlags;

typedef struct
{
  guint  text;           /* characters, whitespace runs counted once */
  guint  link;           /* of which inside links */
  guint  commas;
  guint  inline_text;    /* the same, outside block children */
  guint  inline_link;
  guint  inline_commas;
  guint  list_text;      /* inside ul/ol */
  guint  heading_text;
  guint  para_text;      /* non-link text of paragraphs, the measure of real content */
  guint  n_p;
  guint  n_li;
  guint  n_img;
  guint  n_embed;
  guint  n_input;
  guint  counter;        /* list item number while writing the text */
  guint  tag;            /* TagFlags */
  guint  flags;          /* NodeFlags */
  int    weight;
  double score;
} NodeInfo;

/* What an attempt at finding the article may use; each retry drops one, as Readability
 * does when the first attempt finds too little text. */
typedef enum
{
  ATTEMPT_STRIP_UNLIKELY = 1 << 0,
  ATTEMPT_WEIGHT_CLASSES = 1 << 1,
  ATTEMPT_CLEAN          = 1 << 2,
} AttemptFlags;

typedef struct
{
  htmlDocPtr  doc;
  xmlNode    *body;
  GArray     *infos;     /* NodeInfo, indexed by the element's _private - 1 */
  PageMeta    meta;
  guint       link_depth;
  guint       attempt;   /* AttemptFlags */
} Extractor;

static inline NodeInfo *
info_of (Extractor     *ex,
         const xmlNode *node)
{
  guint i = GPOINTER_TO_UINT (node->_private);

  if (i == 0)
    return NULL;

  return &g_array_index (ex->infos, NodeInfo, i - 1);
}

/* Hidden by the hidden attribute or an inline style. <html> and <body> are exempt: pages
 * hide them until their scripts have run. */
static gboolean
is_hidden (const xmlNode *node)
{
  const char *style = attr (node, "style");

  if (is_tag (node, "html") || is_tag (node, "body"))
    return FALSE;
  if (attr (node, "hidden") != NULL)
    return TRUE;
  if (style != NULL)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (s, g_ascii_tolower (*p));
      if (strstr (s->str, "display:none") != NULL || strstr (s->str, "visibility:hidden") != NULL)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  glong length;
  glong max;
  gboolean started;
  glong pending_space;
} RawLength;

static WalkAction
raw_length_enter (xmlNode  *node,
                  gpointer  user_data)
{
  RawLength *rl = user_data;

  if (rl->length >= rl->max)
    return WALK_STOP;
  if (node->type == XML_TEXT_NODE && node->content != NULL)
    {
      for (const char *p = (const char *) node->content; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (g_ascii_isspace (*p))
            {
              /* Like textContent.trim (): inner whitespace counts, outer does not. */
              if (rl->started)
                rl->pending_space++;
              continue;
            }
          rl->length += rl->pending_space + 1;
          rl->pending_space = 0;
          rl->started = TRUE;
        }
    }

  return WALK_CONTINUE;
}

/* The length of an element's text as the DOM's textContent.trim () gives it: whitespace
 * is not collapsed. Stops counting at @max. */
static glong
raw_text_length (xmlNode *node,
                 glong    max)
{
  RawLength rl = { 0, max, FALSE, 0 };

  walk_tree (node, raw_length_enter, NULL, &rl);

  return rl.length;
}

static WalkAction
itemprop_name_enter (xmlNode  *node,
                     gpointer  user_data)
{
  xmlNode **found = user_data;
  const char *itemprop;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP_CHILDREN;
  itemprop = attr (node, "itemprop");
  if (itemprop != NULL && strstr (itemprop, "name") != NULL)
    {
      *found = node;
      return WALK_STOP;
    }

  return WALK_CONTINUE;
}

/* The descendant marked itemprop="name" of a byline, the author's name alone. */
static xmlNode *
find_itemprop_name (xmlNode *byline)
{
  xmlNode *found = NULL;

  for (xmlNode *c = byline->children; c != NULL && found == NULL; c = c->next)
    walk_tree (c, itemprop_name_enter, NULL, &found);

  return found;
}

/* First pass: read the metadata, drop what is never text (scripts, hidden elements,
 * comments), find the body. */
static WalkAction
prepare_enter (xmlNode  *node,
               gpointer  user_data)
{
  Extractor *ex = user_data;
  PageMeta *pm = &ex->meta;
  guint flags;

  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      break;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
    case XML_ENTITY_REF_NODE:
      return WALK_CONTINUE;
    case XML_DOCUMENT_NODE:
    case XML_HTML_DOCUMENT_NODE:
      return WALK_CONTINUE;
    default:
      return WALK_REMOVE;
    }

  flags = tag_flags (node);

  if (is_tag (node, "meta"))
    read_meta_element (pm, node);
  else if (is_tag (node, "title") && pm->title == NULL && ex->body == NULL)
    pm->title = node_text (node, 4096);
  else if (is_tag (node, "link") && has_rel (node, "canonical") && pm->canonical == NULL)
    pm->canonical = g_strdup (attr (node, "href"));
  else if (is_tag (node, "base") && pm->base_href == NULL)
    pm->base_href = g_strdup (attr (node, "href"));
  else if (is_tag (node, "script") && is_json_ld (node))
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->content != NULL)
          g_string_append (s, (const char *) c->content);
      g_ptr_array_add (pm->jsonld, g_string_free (g_steal_pointer (&s), FALSE));
    }
  else if (is_tag (node, "html"))
    {
      if (pm->lang == NULL)
        pm->lang = collapse_string (attr (node, "lang"));
      if (pm->lang == NULL)
        pm->lang = collapse_string (attr (node, "xml:lang"));
      return WALK_CONTINUE;
    }
  else if (is_tag (node, "body") && ex->body == NULL)
    ex->body = node;

  if (flags & TAG_DROP)
    {
      /* Keep <head> for its <meta> and <title> children. */
      if (is_tag (node, "head"))
        return WALK_CONTINUE;
      /* Images, frames and form controls stay, empty, because the cleaning rules count
       * them. */
      if (flags & (TAG_IMAGE | TAG_EMBED | TAG_INPUT))
        {
          xmlFreeNodeList (node->children);
          node->children = node->last = NULL;
          return WALK_SKIP_CHILDREN;
        }
      return WALK_REMOVE;
    }

  if (is_hidden (node))
    return WALK_REMOVE;

  if ((is_tag (node, "h1") || is_tag (node, "h2")) && pm->headings->len < MAX_HEADINGS)
    {
      char *text = node_text (node, 1024);

      if (is_tag (node, "h1") && pm->n_h1++ == 0)
        pm->h1 = g_strdup (text);
      g_ptr_array_add (pm->headings, text);
    }
  else if (is_tag (node, "h1"))
    pm->n_h1++;

  if (pm->byline_node == NULL && ex->body != NULL && pm->byline_checks < MAX_BYLINE_CHECKS
      && looks_like_byline (node))
    {
      pm->byline_checks++;
      glong chars = raw_text_length (node, 2 * BYLINE_MAX_CHARS);

      if (chars > 0 && chars < BYLINE_MAX_CHARS)
        {
          xmlNode *name = find_itemprop_name (node);

          pm->dom_byline = node_text (name != NULL ? name : node, 4 * BYLINE_MAX_CHARS);
          pm->byline_node = node;
        }
    }

  return WALK_CONTINUE;
}


static WalkAction
stats_enter (xmlNode  *node,
             gpointer  user_data)
{
  Extractor *ex = user_data;
  NodeInfo info = { 0, };

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      NodeInfo *parent = node->parent != NULL ? info_of (ex, node->parent) : NULL;
      guint chars, commas;

      if (parent == NULL || node->content == NULL)
        return WALK_CONTINUE;
      measure_text ((const char *) node->content, &chars, &commas);
      parent->text += chars;
      parent->inline_text += chars;
      parent->commas += commas;
      parent->inline_commas += commas;
      if (ex->link_depth > 0)
        {
          parent->link += chars;
          parent->inline_link += chars;
        }
      return WALK_CONTINUE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP_CHILDREN;

  info.tag = tag_flags (node);
  if (ex->attempt & ATTEMPT_WEIGHT_CLASSES)
    info.weight = class_weight (node);
  if (info.tag & TAG_BLOCK)
    info.flags |= NODE_BLOCKISH;
  {
    const char *itemprop = attr (node, "itemprop");

    if (itemprop != NULL && strstr (itemprop, "articleBody") != NULL)
      info.flags |= NODE_POSITIVE;
  }
  g_array_append_val (ex->infos, info);
  node->_private = GUINT_TO_POINTER (ex->infos->len);

  if (info.tag & TAG_LINK)
    ex->link_depth++;

  return WALK_CONTINUE;
}

static double
inline_link_density (const NodeInfo *info)
{
  return info->inline_text > 0 ? (double) info->inline_link / info->inline_text : 0.0;
}

static void
add_stats (NodeInfo       *to,
           const NodeInfo *from,
           int             sign)
{
  to->text += sign * from->text;
  to->link += sign * from->link;
  to->commas += sign * from->commas;
  to->list_text += sign * from->list_text;
  to->heading_text += sign * from->heading_text;
  to->para_text += sign * from->para_text;
  to->n_p += sign * from->n_p;
  to->n_li += sign * from->n_li;
  to->n_img += sign * from->n_img;
  to->n_embed += sign * from->n_embed;
  to->n_input += sign * from->n_input;
}

static void
stats_leave (xmlNode  *node,
             gpointer  user_data)
{
  Extractor *ex = user_data;
  NodeInfo *info, *parent;

  if (node->type != XML_ELEMENT_NODE)
    return;

  info = info_of (ex, node);
  if (info == NULL)
    return;

  if (info->tag & TAG_LINK)
    ex->link_depth--;
  if (is_tag (node, "p"))
    info->n_p++;
  if (info->tag & TAG_ITEM)
    info->n_li++;
  if (info->tag & TAG_IMAGE)
    info->n_img++;
  if (info->tag & TAG_EMBED)
    info->n_embed++;
  if (info->tag & TAG_INPUT)
    info->n_input++;
  if (info->tag & TAG_LIST)
    info->list_text = info->text;
  if (info->tag & TAG_HEADING)
    info->heading_text = info->text;
  else if (info->inline_text >= MIN_PARAGRAPH_CHARS
           && ((info->tag & TAG_BLOCK) || (info->flags & NODE_HAS_BLOCK_CHILD))
           && inline_link_density (info) < 0.5)
    info->para_text += info->inline_text - info->inline_link;

  parent = node->parent != NULL ? info_of (ex, node->parent) : NULL;
  if (parent == NULL)
    return;

  add_stats (parent, info, 1);
  if (info->flags & NODE_POSITIVE)
    parent->flags |= NODE_POSITIVE;
  if (info->flags & NODE_BLOCKISH)
    {
      parent->flags |= NODE_HAS_BLOCK_CHILD;
      if (((info->tag & TAG_BLOCK) && !(info->tag & TAG_TABLE_PART))
          || (info->flags & NODE_CONTAINS_BLOCK))
        parent->flags |= NODE_CONTAINS_BLOCK;
      if (!(parent->tag & TAG_BLOCK))
        parent->flags |= NODE_BLOCKISH;
    }
  else
    {
      parent->inline_text += info->text;
      parent->inline_link += info->link;
      parent->inline_commas += info->commas;
    }
}

static double
link_density (const NodeInfo *info)
{
  return info->text > 0 ? (double) info->link / info->text : 0.0;
}

/* Removes an element and takes its numbers off its ancestors. */
static void
subtract_from_ancestors (Extractor *ex,
                         xmlNode   *node)
{
  NodeInfo *info = info_of (ex, node);
  NodeInfo *parent;

  if (info == NULL || node->parent == NULL)
    return;

  parent = info_of (ex, node->parent);
  if (parent != NULL && !(info->flags & NODE_BLOCKISH))
    {
      parent->inline_text -= info->text;
      parent->inline_link -= info->link;
      parent->inline_commas -= info->commas;
    }
  for (xmlNode *up = node->parent; up != NULL; up = up->parent)
    {
      NodeInfo *a = info_of (ex, up);

      if (a != NULL)
        add_stats (a, info, -1);
    }
}

/* Hidden from screen readers: icons, duplicates, and, in a page saved while a dialog was
 * open, the whole page behind it; hence the size check in prune_enter (). */
static gboolean
is_aria_hidden (const xmlNode *node)
{
  const char *aria = attr (node, "aria-hidden");
  const char *cls;

  if (aria == NULL || g_ascii_strcasecmp (aria, "true") != 0)
    return FALSE;
  cls = attr (node, "class");

  /* Readability keeps these: images whose fallback is hidden to screen readers. */
  return cls == NULL || strstr (cls, "fallback-image") == NULL;
}

/* Second pass: remove elements hidden from screen readers and, if the attempt says so,
 * those whose tag, class, id or role says they are page furniture, unless they hold the
 * article body. */
static WalkAction
prune_enter (xmlNode  *node,
             gpointer  user_data)
{
  Extractor *ex = user_data;
  NodeInfo *info;
  NodeInfo *body;
  gboolean furniture;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP_CHILDREN;

  info = info_of (ex, node);
  if (info == NULL || node == ex->body)
    return WALK_CONTINUE;

  furniture = (ex->attempt & ATTEMPT_STRIP_UNLIKELY)
              && !(info->flags & NODE_POSITIVE)
              && !is_tag (node, "article") && !is_tag (node, "main")
              && ((info->tag & TAG_BOILER) || is_unlikely (node));
  if (!furniture && !is_aria_hidden (node))
    return WALK_CONTINUE;

  /* A wrapper around most of the page is not furniture, whatever its name. */
  body = info_of (ex, ex->body);
  if (body != NULL && info->text > WRAPPER_SHARE * body->text)
    return WALK_CONTINUE;

  subtract_from_ancestors (ex, node);
  info->flags |= NODE_SKIP;

  return WALK_SKIP_CHILDREN;
}

/* ------------------------------------------------------------------------------------- */
/* Scoring                                                                               */
/* ------------------------------------------------------------------------------------- */

static void
init_candidate (xmlNode   *node,
                NodeInfo  *info,
                GPtrArray *candidates)
{
  const char *name = (const char *) node->name;

  if (info->flags & NODE_CANDIDATE)
    return;

  info->flags |= NODE_CANDIDATE;
  info->score = info->weight;
  if (strcmp (name, "div") == 0)
    info->score += 5;
  else if (strcmp (name, "pre") == 0 || strcmp (name, "td") == 0
           || strcmp (name, "blockquote") == 0)
    info->score += 3;
  else if (strcmp (name, "address") == 0 || (info->tag & (TAG_LIST | TAG_ITEM))
           || strcmp (name, "dl") == 0 || strcmp (name, "dd") == 0
           || strcmp (name, "dt") == 0 || strcmp (name, "form") == 0)
    info->score -= 3;
  else if ((info->tag & TAG_HEADING) || strcmp (name, "th") == 0)
    info->score -= 5;

  g_ptr_array_add (candidates, node);
}

typedef struct
{
  Extractor *ex;
  GPtrArray *candidates;
} ScoreWalk;

static WalkAction
score_enter (xmlNode  *node,
             gpointer  user_data)
{
  ScoreWalk *sw = user_data;
  Extractor *ex = sw->ex;
  NodeInfo *info;
  double content;
  xmlNode *receiver;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP_CHILDREN;

  info = info_of (ex, node);
  if (info == NULL)
    return WALK_CONTINUE;
  if (info->flags & NODE_SKIP)
    return WALK_SKIP_CHILDREN;
  if (!(info->tag & TAG_BLOCK) && !(info->flags & NODE_HAS_BLOCK_CHILD))
    return WALK_CONTINUE;
  if ((info->tag & TAG_HEADING) || info->inline_text < MIN_PARAGRAPH_CHARS)
    return WALK_CONTINUE;

  content = 1 + info->inline_commas + MIN (info->inline_text / 100, 3);
  content *= 1.0 - inline_link_density (info);

  /* A block of only inline content is a paragraph and scores its container; loose text
   * beside blocks is a paragraph inside this element. */
  receiver = (info->flags & NODE_HAS_BLOCK_CHILD) ? node : node->parent;
  for (guint level = 0; receiver != NULL && level < 5; level++, receiver = receiver->parent)
    {
      NodeInfo *r = info_of (ex, receiver);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

      if (r == NULL || receiver->type != XML_ELEMENT_NODE)
        break;
      init_candidate (receiver, r, sw->candidates);
      r->score += content / divider;
    }

  return WALK_CONTINUE;
}

static gint
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Extractor *ex = user_data;
  const NodeInfo *ia = info_of (ex, *(xmlNode **) a);
  const NodeInfo *ib = info_of (ex, *(xmlNode **) b);

  return ia->score < ib->score ? 1 : ia->score > ib->score ? -1 : 0;
}

static gboolean
is_ancestor (const xmlNode *ancestor,
             const xmlNode *node)
{
  for (const xmlNode *n = node; n != NULL; n = n->parent)
    if (n == ancestor)
      return TRUE;

  return FALSE;
}

static guint
count_element_children (const xmlNode *node)
{
  guint n = 0;

  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      n++;

  return n;
}

/* Readability's choice of the top candidate and its walk up the tree. */
static xmlNode *
choose_top (Extractor *ex,
            GPtrArray *candidates)
{
  xmlNode *top;
  NodeInfo *top_info;
  double threshold, last_score;
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *node = candidates->pdata[i];
      NodeInfo *info = info_of (ex, node);

      info->score *= 1.0 - link_density (info);
    }
  g_ptr_array_sort_with_data (candidates, compare_scores, ex);

  if (candidates->len == 0)
    return NULL;

  top = candidates->pdata[0];
  top_info = info_of (ex, top);
  if (top == ex->body || top_info->score <= 0)
    return top;

  /* Several near-equal candidates share an ancestor: the article is that ancestor. */
  for (guint i = 1; i < MIN (candidates->len, 5); i++)
    {
      xmlNode *node = candidates->pdata[i];

      if (info_of (ex, node)->score / top_info->score >= 0.75)
        g_ptr_array_add (alternatives, node);
    }
  if (alternatives->len >= 3)
    {
      for (xmlNode *parent = top->parent; parent != NULL && parent != ex->body;
           parent = parent->parent)
        {
          guint containing = 0;

          for (guint i = 0; i < alternatives->len; i++)
            containing += is_ancestor (parent, alternatives->pdata[i]);
          if (containing >= 3)
            {
              NodeInfo *pi = info_of (ex, parent);

              top = parent;
              if (pi != NULL && !(pi->flags & NODE_CANDIDATE))
                {
                  pi->flags |= NODE_CANDIDATE;
                  pi->score = 0;
                }
              break;
            }
        }
    }

  /* A parent that scores higher than the candidate holds more of the article. */
  top_info = info_of (ex, top);
  last_score = top_info->score;
  threshold = last_score / 3;
  for (xmlNode *parent = top->parent; parent != NULL && parent != ex->body;
       parent = parent->parent)
    {
      NodeInfo *pi = info_of (ex, parent);

      if (pi == NULL)
        break;
      if (!(pi->flags & NODE_CANDIDATE))
        continue;
      if (pi->score < threshold)
        break;
      if (pi->score > last_score)
        {
          top = parent;
          break;
        }
      last_score = pi->score;
    }

  /* An only child says nothing its parent does not. */
  while (top->parent != NULL && top->parent != ex->body
         && info_of (ex, top->parent) != NULL && count_element_children (top->parent) == 1)
    top = top->parent;

  return top;
}

/* Text that ends a sentence: ". " or "." at the end. */
static gboolean
has_sentence_end (xmlNode *node)
{
  g_autofree char *text = node_text (node, 4096);
  const char *dot = strchr (text, '.');

  while (dot != NULL)
    {
      if (dot[1] == '\0' || dot[1] == ' ')
        return TRUE;
      dot = strchr (dot + 1, '.');
    }

  return FALSE;
}

/* The top candidate and those of its siblings that look like more of the same article. */
static GPtrArray *
gather_article (Extractor *ex,
                xmlNode   *top)
{
  GPtrArray *parts = g_ptr_array_new ();
  NodeInfo *top_info = info_of (ex, top);
  double threshold;
  const char *top_class;

  if (top->parent == NULL || top == ex->body || info_of (ex, top->parent) == NULL)
    {
      g_ptr_array_add (parts, top);
      return parts;
    }

  threshold = MAX (10, top_info->score * 0.2);
  top_class = attr (top, "class");

  for (xmlNode *s = top->parent->children; s != NULL; s = s->next)
    {
      NodeInfo *si;
      gboolean append = FALSE;

      if (s == top)
        {
          g_ptr_array_add (parts, s);
          continue;
        }
      if (s->type != XML_ELEMENT_NODE)
        continue;
      si = info_of (ex, s);
      if (si == NULL || (si->flags & NODE_SKIP))
        continue;

      if (si->flags & NODE_CANDIDATE)
        {
          double bonus = 0;
          const char *cls = attr (s, "class");

          if (!str_empty (top_class) && cls != NULL && strcmp (cls, top_class) == 0)
            bonus = top_info->score * 0.2;
          if (si->score + bonus >= threshold)
            append = TRUE;
        }
      /* A sibling of the same class with real paragraphs, even if too deep to score. */
      if (!append && !str_empty (top_class) && g_strcmp0 (attr (s, "class"), top_class) == 0
          && si->para_text >= SAME_CLASS_PARA * top_info->para_text && link_density (si) < 0.5)
        append = TRUE;
      if (!append && !(si->flags & NODE_HAS_BLOCK_CHILD) && (si->tag & TAG_BLOCK)
          && !(si->tag & (TAG_HEADING | TAG_LIST | TAG_TABLE_PART)))
        {
          double ld = link_density (si);

          if (si->text > 80 && ld < 0.25)
            append = TRUE;
          else if (si->text > 0 && si->text < 80 && ld == 0 && has_sentence_end (s))
            append = TRUE;
        }
      if (append)
        g_ptr_array_add (parts, s);
    }

  return parts;
}

/* ------------------------------------------------------------------------------------- */
/* Cleaning inside the article                                                           */
/* ------------------------------------------------------------------------------------- */

/* Words of page furniture that make up a whole short block: ad slots, share and print
 * buttons, teaser headings. */
static const char *const furniture_phrases[] = {
  "ad", "ads", "advert", "advertisement", "advertisement:", "advertising", "publicité",
  "publicite", "werbung", "anzeige", "anuncio", "publicidad", "iklan", "реклама", "广告",
  "إعلان", "sponsored", "sponsored content", "loading", "loading...", "loading…",
  "story continues below advertisement", "story continues below", "article continues below",
  "continue reading below", "skip advertisement", "read more", "read more:", "see more",
  "learn more", "show more", "more", "share", "share this", "share this article",
  "share this story", "share on facebook", "share on twitter", "tweet", "email", "e-mail",
  "print", "print article", "order reprints", "reprints", "comments", "comment", "0 comments",
  "trending", "trending now", "most popular", "most read", "popular", "highlights",
  "related", "related articles", "related stories", "related content", "recommended",
  "you may also like", "you may also like:", "you might also like", "also read",
  "don't miss", "don’t miss", "subscribe", "sign up", "log in", "close", "next", "previous",
  "back to top", "skip to content", "follow us", "newsletter", "image", "photo", "photos",
  "video", "gallery", "enlarge this image", "toggle caption", "hide caption", "caption",
  "credit", "play video", "watch", "listen",
};

/* Month and weekday names and the words around a date in a dateline. */
static const char *const date_words[] = {
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
  "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed",
  "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday",
  "sun", "sunday", "published", "updated", "posted", "original", "originally", "last",
  "modified", "on", "at", "am", "pm", "a", "m", "p", "et", "est", "edt", "pt", "pst", "pdt",
  "ct", "cst", "cdt", "gmt", "utc", "bst", "cet", "cest", "ist", "z", "th", "st", "nd", "rd",
  "date", "time", "today", "yesterday", "ago", "hours", "hour", "minutes", "mins", "min",
};

/* A line that is only a date, like "Updated Nov. 19, 2019 8:21 am ET". */
static gboolean
is_dateline (const char *text)
{
  gboolean has_digit = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      gsize len = 0;

      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      if (!g_ascii_isalpha (*p))
        {
          /* Letters of other scripts: not an English dateline. */
          if ((guchar) *p >= 0x80)
            return FALSE;
          p++;
          continue;
        }
      while (g_ascii_isalpha (p[len]))
        len++;
      if (!has_word_in (p, len, date_words, G_N_ELEMENTS (date_words)))
        return FALSE;
      p += len;
    }

  return has_digit;
}

/* A byline on its own line: "By Jane Doe and John Roe". */
static gboolean
is_byline_line (const char *text)
{
  static const char *const prefixes[] = { "by ", "written by ", "von ", "por ", "par " };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_utf8_strlen (text, -1) > 80)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (lower, prefixes[i]))
      return word_count (text) <= 12;

  return FALSE;
}

/* Short blocks that are page furniture by their words alone. */
static gboolean
is_furniture_text (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  if (*lower == '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (furniture_phrases); i++)
    if (strcmp (lower, furniture_phrases[i]) == 0)
      return TRUE;
  if (g_str_has_prefix (lower, "©") || g_str_has_prefix (lower, "copyright ")
      || g_str_has_prefix (lower, "(c) "))
    return TRUE;

  return is_dateline (lower) || is_byline_line (lower);
}

/* Readability's conditional cleaning of a container inside the article, from its
 * statistics: link lists, forms, image galleries and empty boxes go. */
static gboolean
is_junk_container (const NodeInfo *info)
{
  gboolean is_list;
  double ld;

  if (info->weight < 0)
    return TRUE;
  if (info->commas >= 10)
    return FALSE;

  is_list = (info->tag & TAG_LIST) || (info->text > 0 && info->list_text > info->text * 0.9);
  ld = link_density (info);

  if (info->n_img > 1 && info->n_p * 2 < info->n_img)
    return TRUE;
  if (!is_list && info->n_li > info->n_p + 100)
    return TRUE;
  if (info->n_input > info->n_p / 3)
    return TRUE;
  if (!is_list && info->text < MIN_PARAGRAPH_CHARS && info->heading_text * 10 < info->text * 9
      && (info->n_img == 0 || info->n_img > 2) && ld > 0)
    return TRUE;
  if (!is_list && info->weight < 25 && ld > 0.2)
    return TRUE;
  if (info->weight >= 25 && ld > 0.5)
    return TRUE;
  if (is_list && ld > 0.5)
    return TRUE;
  if ((info->n_embed == 1 && info->text < 75) || info->n_embed > 1)
    return TRUE;
  if (info->text == 0 && info->n_img == 0)
    return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------------------------- */
/* Writing the text                                                                      */
/* ------------------------------------------------------------------------------------- */

typedef struct
{
  Extractor *ex;
  GString   *out;
  GString   *para;
  gboolean   space;       /* a collapsed space is due before the next character */
  guint      br_run;
  guint      pre_depth;
  guint      data_table;  /* inside a table of data: rows are lines, cells tab-separated */
  gboolean   row_has_cell;
  const char *title;
  xmlNode   *root;
  gboolean   title_heading_seen;
  gsize      marker_len;  /* a list item's "• " waiting for its text */
} TextWriter;

static void
writer_flush (TextWriter *tw)
{
  GString *p = tw->para;
  gsize start = 0;

  /* A list item whose text is in a paragraph inside it keeps its marker for that text. */
  if (tw->marker_len > 0 && p->len <= tw->marker_len)
    return;
  tw->marker_len = 0;

  /* Preformatted text keeps its indentation, only blank lines around it go. */
  while (p->len > 0 && (p->str[p->len - 1] == '\n' || p->str[p->len - 1] == '\t'
                        || p->str[p->len - 1] == ' '))
    g_string_truncate (p, p->len - 1);
  if (tw->pre_depth > 0)
    {
      for (gsize i = 0; i < p->len && (p->str[i] == ' ' || p->str[i] == '\n'); i++)
        if (p->str[i] == '\n')
          start = i + 1;
    }
  else
    {
      while (start < p->len && (p->str[start] == ' ' || p->str[start] == '\n'))
        start++;
    }

  /* A paragraph of a few words of page furniture ("Advertisement", "Share", a dateline)
   * is dropped whatever markup it came in. */
  if (start < p->len && p->len - start <= 4 * FURNITURE_MAX_CHARS && tw->pre_depth == 0
      && g_utf8_strlen (p->str + start, p->len - start) <= FURNITURE_MAX_CHARS)
    {
      const char *text = p->str + start;

      if (g_str_has_prefix (text, "• "))
        text += strlen ("• ");
      if (is_furniture_text (text))
        start = p->len;
    }

  if (start < p->len)
    {
      if (tw->out->len > 0)
        g_string_append (tw->out, "\n\n");
      g_string_append_len (tw->out, p->str + start, p->len - start);
    }

  g_string_truncate (p, 0);
  tw->space = FALSE;
  tw->br_run = 0;
}

static void
writer_line_break (TextWriter *tw)
{
  GString *p = tw->para;

  if (p->len <= tw->marker_len)
    return;

  while (p->len > 0 && p->str[p->len - 1] == ' ')
    g_string_truncate (p, p->len - 1);
  if (p->len > 0)
    g_string_append_c (p, '\n');
  tw->space = FALSE;
}

static void
writer_text (TextWriter *tw,
             const char *s)
{
  const guchar *p = (const guchar *) s;
  const guchar *end = p + strlen (s);
  GString *para = tw->para;

  while (p < end)
    {
      gsize n;

      if (tw->pre_depth > 0)
        {
          if (*p == '\r')
            {
              p++;
              continue;
            }
          if (*p == '\n' || *p == '\t')
            {
              g_string_append_c (para, *p++);
              continue;
            }
        }
      else if ((n = space_len (p, end)) > 0)
        {
          if (para->len > 0 && para->str[para->len - 1] != '\n')
            tw->space = TRUE;
          p += n;
          continue;
        }

      n = invisible_len (p, end);
      if (n == 0 && c1_replacement (p, end) != NULL && *c1_replacement (p, end) == '\0')
        n = 2;
      if (n > 0)
        {
          p += n;
          continue;
        }

      if (tw->space)
        {
          g_string_append_c (para, ' ');
          tw->space = FALSE;
        }
      tw->br_run = 0;
      if (c1_replacement (p, end) != NULL)
        {
          g_string_append (para, c1_replacement (p, end));
          p += 2;
          continue;
        }
      {
        /* Copy the whole run of ordinary characters at once. */
        const guchar *q = p + 1;

        while (q < end)
          {
            if (*q > 0x20 && *q < 0x7F)
              q++;
            else if ((*q & 0xC0) == 0x80)
              q++;
            else if (*q >= 0x80 && space_len (q, end) == 0 && invisible_len (q, end) == 0
                     && c1_replacement (q, end) == NULL)
              q++;
            else
              break;
          }
        g_string_append_len (para, (const char *) p, q - p);
        p = q;
      }
    }
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return strcmp (g_strstrip (fa), g_strstrip (fb)) == 0;
}

static GPtrArray *
similarity_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *start = NULL;

  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gboolean word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return tokens;
}

static gsize
joined_length (GPtrArray *tokens)
{
  gsize len = 0;

  for (guint i = 0; i < tokens->len; i++)
    len += strlen (tokens->pdata[i]) + (i > 0);

  return len;
}

/* Readability's similarity of two titles: the share of @b's words (by length) that @a
 * also has. */
static double
text_similarity (const char *a,
                 const char *b)
{
  g_autoptr(GPtrArray) ta = NULL;
  g_autoptr(GPtrArray) tb = NULL;
  g_autoptr(GPtrArray) unique = NULL;
  g_autoptr(GHashTable) in_a = NULL;
  gsize total;

  if (str_empty (a) || str_empty (b))
    return 0;

  ta = similarity_tokens (a);
  tb = similarity_tokens (b);
  total = joined_length (tb);
  if (ta->len == 0 || total == 0)
    return 0;

  in_a = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ta->len; i++)
    g_hash_table_add (in_a, ta->pdata[i]);
  unique = g_ptr_array_new ();
  for (guint i = 0; i < tb->len; i++)
    if (!g_hash_table_contains (in_a, tb->pdata[i]))
      g_ptr_array_add (unique, tb->pdata[i]);

  return 1.0 - (double) joined_length (unique) / total;
}

static WalkAction
write_enter (xmlNode  *node,
             gpointer  user_data)
{
  TextWriter *tw = user_data;
  Extractor *ex = tw->ex;
  NodeInfo *info;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        writer_text (tw, (const char *) node->content);
      return WALK_CONTINUE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP_CHILDREN;

  info = info_of (ex, node);
  if (info == NULL || (info->flags & NODE_SKIP))
    return WALK_SKIP_CHILDREN;

  if (is_tag (node, "br"))
    {
      /* Two line breaks in a row end a paragraph. */
      if (tw->br_run > 0 && tw->pre_depth == 0)
        writer_flush (tw);
      else
        writer_line_break (tw);
      tw->br_run++;
      return WALK_CONTINUE;
    }

  if (tw->data_table > 0 && (info->tag & TAG_TABLE_PART))
    {
      if (info->tag & TAG_CELL)
        {
          if (tw->row_has_cell)
            {
              g_string_append_c (tw->para, '\t');
              tw->space = FALSE;
            }
          tw->row_has_cell = TRUE;
        }
      return WALK_CONTINUE;
    }

  /* Captions, credits, share bars, bylines: small elements with a furniture name. */
  if (node != tw->root && info->weight < 0 && (info->text < 300 || link_density (info) > 0.5))
    return WALK_SKIP_CHILDREN;
  if (is_tag (node, "figcaption"))
    return WALK_SKIP_CHILDREN;

  if (!(info->tag & TAG_BLOCK))
    return WALK_CONTINUE;

  /* A paragraph that is all links is a teaser for another page. */
  if (node != tw->root && !(info->flags & NODE_HAS_BLOCK_CHILD)
      && link_density (info) > LINKY_PARAGRAPH)
    return WALK_SKIP_CHILDREN;

  /* The headline is the title, not part of the text: the page's first <h1>, any <h1> like
   * the title, and the first <h2> like it. */
  if ((info->tag & TAG_HEADING) && info->weight < 0)
    return WALK_SKIP_CHILDREN;
  if ((is_tag (node, "h1") || (is_tag (node, "h2") && !tw->title_heading_seen))
      && info->text < 300)
    {
      g_autofree char *text = node_text (node, 1024);

      if (is_tag (node, "h1") && same_text (text, ex->meta.h1))
        return WALK_SKIP_CHILDREN;
      if (text_similarity (tw->title, text) > 0.75)
        {
          if (is_tag (node, "h2"))
            tw->title_heading_seen = TRUE;
          return WALK_SKIP_CHILDREN;
        }
    }

  if (node != tw->root && (ex->attempt & ATTEMPT_CLEAN) && (info->tag & TAG_CONTAINER)
      && is_junk_container (info))
    return WALK_SKIP_CHILDREN;

  writer_flush (tw);

  if (info->tag & TAG_PRE)
    tw->pre_depth++;
  if (is_tag (node, "table") && !(info->flags & NODE_CONTAINS_BLOCK))
    tw->data_table++;
  if (info->tag & TAG_ITEM)
    {
      NodeInfo *list = node->parent != NULL ? info_of (ex, node->parent) : NULL;

      if (list != NULL && is_tag (node->parent, "ol"))
        {
          const char *start = attr (node->parent, "start");

          if (list->counter == 0 && start != NULL)
            list->counter = (guint) CLAMP (g_ascii_strtoll (start, NULL, 10) - 1, 0, G_MAXINT);
          g_string_append_printf (tw->para, "%u. ", ++list->counter);
        }
      else
        g_string_append (tw->para, "• ");
      tw->marker_len = tw->para->len;
    }

  return WALK_CONTINUE;
}

static void
write_leave (xmlNode  *node,
             gpointer  user_data)
{
  TextWriter *tw = user_data;
  NodeInfo *info;

  if (node->type != XML_ELEMENT_NODE)
    return;
  info = info_of (tw->ex, node);
  if (info == NULL)
    return;

  if (tw->data_table > 0 && (info->tag & TAG_TABLE_PART))
    {
      if (is_tag (node, "tr") && tw->row_has_cell)
        {
          writer_line_break (tw);
          tw->row_has_cell = FALSE;
        }
      return;
    }

  if (!(info->tag & TAG_BLOCK))
    return;

  writer_flush (tw);
  if (info->tag & TAG_ITEM)
    {
      /* An item without text: its marker goes with it. */
      g_string_truncate (tw->para, 0);
      tw->marker_len = 0;
    }
  if (info->tag & TAG_PRE)
    tw->pre_depth--;
  if (is_tag (node, "table") && !(info->flags & NODE_CONTAINS_BLOCK))
    tw->data_table--;
}

static char *
write_text (Extractor  *ex,
            GPtrArray  *parts,
            const char *title)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  TextWriter tw = { ex, out, para, FALSE, 0, 0, 0, FALSE, title, NULL, FALSE, 0 };

  for (guint i = 0; i < parts->len; i++)
    {
      tw.root = parts->pdata[i];
      walk_tree (parts->pdata[i], write_enter, write_leave, &tw);
      writer_flush (&tw);
    }

  /* The parser hands out UTF-8 and the writer cuts only between characters; check anyway,
   * since the text will be stored as it is. */
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------------------- */
/* JSON-LD                                                                               */
/* ------------------------------------------------------------------------------------- */

typedef struct
{
  char *headline;
  char *name;
  char *author;
  char *published;
  char *created;
  char *site_name;
  char *description;
  char *language;
  char *url;
  char *body;
} JsonLd;

static void
json_ld_clear (JsonLd *ld)
{
  g_clear_pointer (&ld->headline, g_free);
  g_clear_pointer (&ld->name, g_free);
  g_clear_pointer (&ld->author, g_free);
  g_clear_pointer (&ld->published, g_free);
  g_clear_pointer (&ld->created, g_free);
  g_clear_pointer (&ld->site_name, g_free);
  g_clear_pointer (&ld->description, g_free);
  g_clear_pointer (&ld->language, g_free);
  g_clear_pointer (&ld->url, g_free);
  g_clear_pointer (&ld->body, g_free);
}

/* json-glib's parser recurses; deeper JSON than any page needs is refused beforehand. */
static gboolean
json_nesting_ok (const char *text)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > JSON_MAX_NESTING)
            return FALSE;
        }
      else if (*p == '}' || *p == ']')
        depth--;
    }

  return TRUE;
}

static const char *
json_string_member (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_article_type (const char *type)
{
  static const char *const types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "BlogPosting", "DiscussionForumPosting",
    "LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "TechArticle",
  };

  if (type == NULL)
    return FALSE;
  if (g_str_has_prefix (type, "http://schema.org/")
      || g_str_has_prefix (type, "https://schema.org/"))
    type = strrchr (type, '/') + 1;
  else if (g_str_has_prefix (type, "schema:"))
    type += strlen ("schema:");

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
object_is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type))
    return is_article_type (json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          JsonNode *t = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (t) && is_article_type (json_node_get_string (t)))
            return TRUE;
        }
    }

  return FALSE;
}

/* An object or a {"@id": …} reference to an object of the @graph. */
static JsonObject *
json_resolve (JsonNode  *node,
              JsonArray *graph)
{
  JsonObject *object;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (graph == NULL || json_object_get_member (object, "name") != NULL)
    return object;
  id = json_string_member (object, "@id");
  if (id == NULL)
    return object;

  for (guint i = 0; i < json_array_get_length (graph); i++)
    {
      JsonNode *n = json_array_get_element (graph, i);
      const char *other;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      other = json_string_member (json_node_get_object (n), "@id");
      if (other != NULL && strcmp (other, id) == 0)
        return json_node_get_object (n);
    }

  return object;
}

static gboolean
looks_like_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://")
         || g_str_has_prefix (s, "//") || g_str_has_prefix (s, "/");
}

static void
add_json_name (JsonNode  *node,
               JsonArray *graph,
               GPtrArray *names)
{
  char *name = NULL;

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    name = collapse_string (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_resolve (node, graph);

      name = collapse_string (json_string_member (object, "name"));
    }

  if (name != NULL && !looks_like_url (name))
    g_ptr_array_add (names, name);
  else
    g_free (name);
}

/* "A, B and C" from a string, a Person, or a list of either. */
static char *
json_names (JsonNode  *node,
            JsonArray *graph)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_json_name (json_array_get_element (array, i), graph, names);
    }
  else
    add_json_name (node, graph, names);

  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
read_json_article (JsonLd     *ld,
                   JsonObject *article,
                   JsonArray  *graph)
{
  JsonNode *node;

  ld->headline = collapse_string (json_string_member (article, "headline"));
  ld->name = collapse_string (json_string_member (article, "name"));
  ld->author = json_names (json_object_get_member (article, "author"), graph);
  ld->published = collapse_string (json_string_member (article, "datePublished"));
  ld->created = collapse_string (json_string_member (article, "dateCreated"));
  ld->description = collapse_string (json_string_member (article, "description"));
  ld->url = collapse_string (json_string_member (article, "url"));
  ld->body = g_strdup (json_string_member (article, "articleBody"));

  node = json_object_get_member (article, "publisher");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node)
      && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    ld->site_name = collapse_string (json_string_member (json_resolve (node, graph), "name"));

  node = json_object_get_member (article, "inLanguage");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    ld->language = collapse_string (json_node_get_string (node));
  else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *lang = json_node_get_object (node);
      const char *code = json_string_member (lang, "alternateName");

      ld->language = collapse_string (code != NULL ? code : json_string_member (lang, "name"));
    }
}

static JsonObject *
find_article_in_array (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (n) && object_is_article (json_node_get_object (n)))
        return json_node_get_object (n);
    }

  return NULL;
}

/* Reads the first article object of the page's JSON-LD, as Readability does. */
static gboolean
read_json_ld (JsonLd     *ld,
              const char *script)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *text = g_strdup (script);
  char *start = g_strstrip (text);
  JsonNode *root;
  JsonObject *article = NULL;
  JsonArray *graph = NULL;

  if (g_str_has_prefix (start, "<![CDATA["))
    start += strlen ("<![CDATA[");
  if (g_str_has_suffix (start, "]]>"))
    start[strlen (start) - 3] = '\0';
  if (!json_nesting_ok (start))
    return FALSE;
  if (!json_parser_load_from_data (parser, start, -1, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (root))
    article = find_article_in_array (json_node_get_array (root));
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *g = json_object_get_member (object, "@graph");

      if (g != NULL && JSON_NODE_HOLDS_ARRAY (g))
        graph = json_node_get_array (g);
      if (object_is_article (object))
        article = object;
      else if (graph != NULL)
        article = find_article_in_array (graph);
    }

  if (article == NULL)
    return FALSE;

  read_json_article (ld, article, graph);
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* Titles, dates, languages, URLs                                                        */
/* ------------------------------------------------------------------------------------- */

static gboolean
is_title_separator (const char *p)
{
  return *p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>'
         || g_str_has_prefix (p, "»") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—");
}

static gsize
separator_len (const char *p)
{
  return (*p & 0x80) ? (gsize) (g_utf8_next_char (p) - p) : 1;
}

/* The headline in a <title> such as "Headline | Site": Readability's rules. */
static char *
clean_title (const char *title,
             PageMeta   *pm)
{
  g_autofree char *cur = NULL;
  gboolean hierarchical = FALSE;
  const char *last_sep = NULL;
  const char *first_sep = NULL;

  if (str_empty (title))
    return NULL;

  /* Find " X " separators. */
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p > title && p[-1] == ' ' && is_title_separator (p) && p[separator_len (p)] == ' ')
        {
          if (first_sep == NULL)
            first_sep = p;
          last_sep = p;
          if (*p == '\\' || *p == '/' || *p == '>' || g_str_has_prefix (p, "»"))
            hierarchical = TRUE;
        }
    }

  if (last_sep != NULL)
    {
      cur = g_strndup (title, last_sep - 1 - title);
      if (word_count (cur) < 3)
        {
          g_free (cur);
          cur = g_strdup (first_sep + separator_len (first_sep));
        }
    }
  else if (strstr (title, ": ") != NULL)
    {
      gboolean is_heading = FALSE;

      for (guint i = 0; i < pm->headings->len && !is_heading; i++)
        is_heading = same_text (pm->headings->pdata[i], title);
      if (!is_heading)
        {
          const char *colon = strrchr (title, ':');

          cur = g_strdup (colon + 1);
          if (word_count (cur) < 3)
            {
              g_free (cur);
              cur = g_strdup (strchr (title, ':') + 1);
            }
          else
            {
              g_autofree char *before = g_strndup (title, strchr (title, ':') - title);

              if (word_count (before) > 5)
                {
                  g_free (cur);
                  cur = g_strdup (title);
                }
            }
        }
    }
  else if ((strlen (title) > 150 || g_utf8_strlen (title, -1) < 15) && pm->n_h1 == 1
           && !str_empty (pm->h1))
    cur = g_strdup (pm->h1);

  if (cur == NULL)
    cur = g_strdup (title);
  g_strstrip (cur);

  if (word_count (cur) <= 4)
    {
      /* Too short to be a headline on its own. */
      g_autoptr(GString) no_sep = g_string_new (NULL);
      guint orig_words;

      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_title_separator (p))
          g_string_append_len (no_sep, p, g_utf8_next_char (p) - p);
      orig_words = word_count (no_sep->str);
      if (!hierarchical || word_count (cur) != orig_words - 1)
        {
          g_free (cur);
          cur = g_strdup (title);
        }
    }

  return collapse_string (cur);
}

static gboolean
parse_digits (const char **p,
              guint        min,
              guint        max,
              int         *value)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min)
    return FALSE;
  *value = v;
  return TRUE;
}

static int
month_from_name (const char *word)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (word, months[i], 3) == 0)
      return i + 1;

  return 0;
}

/* A publication date as ISO 8601: "2019-11-18", or "2019-11-18T10:00:00+01:00" when the
 * source gives the time. ISO forms, "2019/11/18", RFC 2822 and "November 18, 2019" are
 * understood; anything else gives NULL. */
static char *
normalise_date (const char *value)
{
  const char *p;
  int year = 0, month = 0, day = 0, hour = -1, minute = 0, second = 0;
  g_autofree char *zone = NULL;

  if (str_empty (value))
    return NULL;

  p = value;
  while (g_ascii_isspace (*p))
    p++;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]) && (p[4] == '-' || p[4] == '/'))
    {
      char sep = p[4];

      parse_digits (&p, 4, 4, &year);
      p++;
      if (!parse_digits (&p, 1, 2, &month))
        return NULL;
      if (*p == sep)
        {
          p++;
          if (!parse_digits (&p, 1, 2, &day))
            return NULL;
        }
      else
        return NULL;
    }
  else
    {
      /* "Mon, 18 Nov 2019 10:00:00 GMT", "November 18, 2019 10:00 AM". */
      const char *q = p;

      while (*q != '\0' && (year == 0 || month == 0 || day == 0))
        {
          if (g_ascii_isalpha (*q))
            {
              const char *w = q;

              while (g_ascii_isalpha (*q))
                q++;
              if (month == 0 && q - w >= 3)
                month = month_from_name (w);
            }
          else if (g_ascii_isdigit (*q))
            {
              int v = 0;

              if (q[1] == ':' || (g_ascii_isdigit (q[1]) && q[2] == ':'))
                break;
              parse_digits (&q, 1, 4, &v);
              if (v >= 1000 && year == 0)
                year = v;
              else if (v >= 1 && v <= 31 && day == 0)
                day = v;
              else
                return NULL;
            }
          else
            q++;
        }
      if (year == 0 || month == 0 || day == 0)
        return NULL;
      p = q;
      while (*p == ' ' || *p == ',')
        p++;
      if (!(g_ascii_isdigit (p[0]) && (p[1] == ':' || (g_ascii_isdigit (p[1]) && p[2] == ':'))))
        p = "";
      else
        {
          int h = 0;

          parse_digits (&p, 1, 2, &h);
          p++;
          if (!parse_digits (&p, 2, 2, &minute))
            return NULL;
          hour = h;
          if (*p == ':')
            {
              p++;
              parse_digits (&p, 2, 2, &second);
            }
          while (*p == ' ')
            p++;
          if (g_ascii_strncasecmp (p, "pm", 2) == 0 && hour < 12)
            hour += 12;
          else if (g_ascii_strncasecmp (p, "am", 2) == 0 && hour == 12)
            hour = 0;
          if (g_ascii_strncasecmp (p, "gmt", 3) == 0 || g_ascii_strncasecmp (p, "utc", 3) == 0
              || *p == 'Z')
            zone = g_strdup ("Z");
          else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
            {
              int hh, mm = 0;
              char sign = *p++;

              if (parse_digits (&p, 2, 2, &hh))
                {
                  if (*p == ':')
                    p++;
                  parse_digits (&p, 2, 2, &mm);
                  zone = g_strdup_printf ("%c%02d:%02d", sign, hh, mm);
                }
            }
          p = "";
        }
    }

  if (hour < 0 && (*p == 'T' || *p == 't' || *p == ' ') && g_ascii_isdigit (p[1]))
    {
      int h;

      p++;
      if (parse_digits (&p, 2, 2, &h) && *p == ':')
        {
          p++;
          if (!parse_digits (&p, 2, 2, &minute))
            return NULL;
          hour = h;
          if (*p == ':')
            {
              p++;
              parse_digits (&p, 2, 2, &second);
            }
          if (*p == '.' || *p == ',')
            {
              p++;
              while (g_ascii_isdigit (*p))
                p++;
            }
          while (*p == ' ')
            p++;
          if (*p == 'Z' || *p == 'z' || g_ascii_strncasecmp (p, "utc", 3) == 0
              || g_ascii_strncasecmp (p, "gmt", 3) == 0)
            zone = g_strdup ("Z");
          else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
            {
              int hh, mm = 0;
              char sign = *p++;

              if (parse_digits (&p, 2, 2, &hh))
                {
                  if (*p == ':')
                    p++;
                  parse_digits (&p, 2, 2, &mm);
                  zone = g_strdup_printf ("%c%02d:%02d", sign, hh, mm);
                }
            }
        }
    }

  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23
      || minute > 59 || second > 60)
    return NULL;

  if (hour < 0)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour, minute,
                          second, zone != NULL ? zone : "");
}

/* "en_US" → "en-US"; NULL for what is not a language tag. */
static char *
normalise_language (const char *value)
{
  g_autofree char *tag = NULL;
  gsize primary;

  if (str_empty (value))
    return NULL;

  tag = g_strstrip (g_strdup (value));
  tag[strcspn (tag, ",; ")] = '\0';
  for (char *p = tag; *p != '\0'; p++)
    {
      if (*p == '_')
        *p = '-';
      else if (!g_ascii_isalnum (*p) && *p != '-')
        return NULL;
    }
  primary = strcspn (tag, "-");
  if (primary < 2 || primary > 8)
    return NULL;
  for (gsize i = 0; i < primary; i++)
    if (!g_ascii_isalpha (tag[i]))
      return NULL;

  return g_steal_pointer (&tag);
}

/* @href made absolute against the page's URL (and its <base>), or NULL. */
static char *
resolve_url (const char *href,
             const char *base_url,
             const char *base_href)
{
  g_autofree char *base = NULL;
  g_autofree char *stripped = NULL;

  if (str_empty (href))
    return NULL;

  stripped = g_strstrip (g_strdup (href));
  if (g_uri_is_valid (stripped, G_URI_FLAGS_NONE, NULL))
    return g_steal_pointer (&stripped);

  if (!str_empty (base_href))
    base = resolve_url (base_href, base_url, NULL);
  if (base == NULL && !str_empty (base_url))
    base = g_strdup (base_url);
  if (base == NULL)
    return NULL;

  return g_uri_resolve_relative (base, stripped, G_URI_FLAGS_NONE, NULL);
}

static const char *
first_of (const char *a,
          const char *b)
{
  return !str_empty (a) ? a : b;
}

/* ------------------------------------------------------------------------------------- */
/* Public API                                                                            */
/* ------------------------------------------------------------------------------------- */

void
attest_html_article_free (AttestHtmlArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->text);
  g_free (article->title);
  g_free (article->byline);
  g_free (article->site_name);
  g_free (article->published);
  g_free (article->language);
  g_free (article->canonical_url);
  g_free (article->description);
  g_free (article);
}

/* "By Jane Doe" → "Jane Doe". */
static char *
clean_byline (const char *byline)
{
  static const char *const prefixes[] = { "by ", "by: ", "written by ", "posted by ", "von ",
                                          "por ", "par ", "di " };
  char *text = collapse_string (byline);

  if (text == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if (g_ascii_strncasecmp (text, prefixes[i], len) == 0 && text[len] != '\0')
        {
          memmove (text, text + len, strlen (text + len) + 1);
          break;
        }
    }

  /* "Jane Doe March 25, 2015 3:46 PM": the date is not part of the name. */
  for (char *p = text + 1; *p != '\0'; p++)
    {
      gsize len = 0;

      if (p[-1] != ' ' || !g_ascii_isalpha (*p))
        continue;
      while (g_ascii_isalpha (p[len]))
        len++;
      if (len >= 3 && month_from_name (p) != 0
          && has_word_in (p, len, date_words, G_N_ELEMENTS (date_words))
          && (p[len] == ' ' || p[len] == '.') && g_ascii_isdigit (p[len + 1 + (p[len] == '.')]))
        {
          *p = '\0';
          g_strchomp (text);
          while (*text != '\0' && strchr (",-|•", text[strlen (text) - 1]) != NULL)
            {
              text[strlen (text) - 1] = '\0';
              g_strchomp (text);
            }
          break;
        }
    }

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
fill_metadata (AttestHtmlArticle *article,
               PageMeta          *pm,
               JsonLd            *ld,
               const char        *base_url)
{
  const char *author;
  g_autofree char *authors = NULL;

  /* Title: JSON-LD, then the meta tags Readability prefers, then <title>. */
  if (!str_empty (ld->headline) && !str_empty (ld->name) && strcmp (ld->headline, ld->name) != 0)
    {
      g_autofree char *from_title = clean_title (pm->title, pm);
      gboolean name_matches = text_similarity (ld->name, from_title) > 0.75;
      gboolean headline_matches = text_similarity (ld->headline, from_title) > 0.75;

      article->title = g_strdup (headline_matches && !name_matches ? ld->headline : ld->name);
    }
  else
    article->title = g_strdup (first_of (ld->name, ld->headline));
  if (str_empty (article->title))
    {
      static const char *const keys[] = {
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
        "title", "twitter:title", "parsely-title", "citation_title",
      };

      g_clear_pointer (&article->title, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (keys) && article->title == NULL; i++)
        article->title = g_strdup (meta_get (pm, keys[i]));
    }
  if (article->title == NULL)
    article->title = clean_title (pm->title, pm);

  /* Byline. */
  if (pm->authors->len > 1)
    {
      g_ptr_array_add (pm->authors, NULL);
      authors = g_strjoinv (", ", (char **) pm->authors->pdata);
      g_ptr_array_remove_index (pm->authors, pm->authors->len - 1);
    }
  author = meta_get (pm, "article:author");
  if (author == NULL || looks_like_url (author))
    author = meta_get (pm, "og:article:author");
  if (author != NULL && looks_like_url (author))
    author = NULL;
  {
    const char *byline = ld->author;

    byline = first_of (byline, meta_get (pm, "dc:creator"));
    byline = first_of (byline, meta_get (pm, "dcterm:creator"));
    byline = first_of (byline, meta_get (pm, "author"));
    byline = first_of (byline, meta_get (pm, "parsely-author"));
    byline = first_of (byline, author);
    byline = first_of (byline, authors);
    byline = first_of (byline, meta_get (pm, "citation_author"));
    byline = first_of (byline, meta_get (pm, "sailthru:author"));
    byline = first_of (byline, pm->dom_byline);
    article->byline = clean_byline (byline);
  }

  {
    const char *site = ld->site_name;

    site = first_of (site, meta_get (pm, "og:site_name"));
    site = first_of (site, meta_get (pm, "application-name"));
    site = first_of (site, meta_get (pm, "citation_journal_title"));
    site = first_of (site, meta_get (pm, "dc:publisher"));
    article->site_name = g_strdup (site);
  }

  {
    static const char *const keys[] = {
      "article:published_time", "parsely-pub-date", "citation_publication_date",
      "citation_date", "dc:date", "dc:date:issued", "dcterms:created", "date",
      "pubdate", "publishdate", "datepublished", "og:published_time", "sailthru:date",
    };
    char *date = normalise_date (ld->published);

    for (guint i = 0; i < G_N_ELEMENTS (keys) && date == NULL; i++)
      date = normalise_date (meta_get (pm, keys[i]));
    if (date == NULL)
      date = normalise_date (ld->created);
    article->published = date;
  }

  {
    char *lang = normalise_language (pm->lang);

    if (lang == NULL)
      lang = normalise_language (meta_get (pm, "content-language"));
    if (lang == NULL)
      lang = normalise_language (ld->language);
    if (lang == NULL)
      lang = normalise_language (meta_get (pm, "og:locale"));
    if (lang == NULL)
      lang = normalise_language (meta_get (pm, "dc:language"));
    article->language = lang;
  }

  article->canonical_url = resolve_url (pm->canonical, base_url, pm->base_href);
  if (article->canonical_url == NULL)
    article->canonical_url = resolve_url (meta_get (pm, "og:url"), base_url, pm->base_href);
  if (article->canonical_url == NULL)
    article->canonical_url = resolve_url (ld->url, base_url, pm->base_href);
  if (article->canonical_url == NULL && !str_empty (base_url))
    article->canonical_url = g_strdup (base_url);

  {
    const char *desc = ld->description;

    desc = first_of (desc, meta_get (pm, "dc:description"));
    desc = first_of (desc, meta_get (pm, "dcterm:description"));
    desc = first_of (desc, meta_get (pm, "og:description"));
    desc = first_of (desc, meta_get (pm, "weibo:article:description"));
    desc = first_of (desc, meta_get (pm, "weibo:webpage:description"));
    desc = first_of (desc, meta_get (pm, "description"));
    desc = first_of (desc, meta_get (pm, "twitter:description"));
    article->description = g_strdup (desc);
  }
}

/* One attempt at the article: statistics, pruning, scores, the top candidate and its
 * siblings, their text. */
static char *
find_article_text (Extractor  *ex,
                   guint       attempt,
                   const char *title)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = NULL;
  ScoreWalk sw = { ex, candidates };
  xmlNode *top;

  ex->attempt = attempt;
  ex->link_depth = 0;
  g_array_set_size (ex->infos, 0);

  walk_tree (ex->body, stats_enter, stats_leave, ex);
  walk_tree (ex->body, prune_enter, NULL, ex);
  walk_tree (ex->body, score_enter, NULL, &sw);

  top = choose_top (ex, candidates);
  if (top == NULL)
    top = ex->body;
  parts = gather_article (ex, top);
  g_debug ("attempt %u: top candidate <%s class=\"%s\" id=\"%s\">, %u parts", attempt,
           top->name, first_of (attr (top, "class"), ""), first_of (attr (top, "id"), ""),
           parts->len);

  return write_text (ex, parts, title);
}

/* Characters in @text; a character takes at most four bytes, so long texts are not
 * counted one by one. */
static glong
text_length (const char *text)
{
  gsize bytes;

  if (text == NULL)
    return 0;
  bytes = strlen (text);

  return bytes >= 4 * MIN_ARTICLE_CHARS ? (glong) bytes : g_utf8_strlen (text, -1);
}

/* Readability's retries: when an attempt finds too little text, the next one prunes and
 * cleans less; the longest text wins. */
static char *
extract_text (Extractor  *ex,
              const char *title)
{
  static const guint attempts[] = {
    ATTEMPT_STRIP_UNLIKELY | ATTEMPT_WEIGHT_CLASSES | ATTEMPT_CLEAN,
    ATTEMPT_WEIGHT_CLASSES | ATTEMPT_CLEAN,
    ATTEMPT_CLEAN,
    0,
  };
  char *best = NULL;
  glong best_length = -1;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      char *text = find_article_text (ex, attempts[i], title);
      glong length = text_length (text);

      if (length > best_length)
        {
          g_free (best);
          best = text;
          best_length = length;
        }
      else
        g_free (text);
      if (length >= MIN_ARTICLE_CHARS)
        break;
    }

  return best;
}

/* The plain-text articleBody of JSON-LD as paragraphs; NULL when it holds markup. */
static char *
json_body_text (const char *body)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = NULL;

  for (const char *p = strchr (body, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_ascii_isalpha (p[1]) || p[1] == '/')
      return NULL;

  out = g_string_new (NULL);
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = collapse_string (lines[i]);

      if (line == NULL || *line == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, *line == ' ' ? line + 1 : line);
    }

  return g_utf8_make_valid (out->str, out->len);
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gsize xml_initialised;

/* Empty, huge and binary input is refused before any parsing. */
static gboolean
check_input (const char  *data,
             gsize        length,
             const char  *http_charset,
             GError     **error)
{
  const guchar *u = (const guchar *) data;
  gboolean utf16;

  if (length == 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The page is empty."));
      return FALSE;
    }
  if (length > G_MAXINT)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The page is too large to read (more than 2 GB)."));
      return FALSE;
    }

  /* UTF-16 pages have NUL bytes but a byte-order mark or an HTTP charset; anything else
   * with NULs is binary. */
  utf16 = (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
          || (http_charset != NULL && g_ascii_strncasecmp (http_charset, "utf-16", 6) == 0);
  if (!utf16 && looks_binary (u, length))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This is a binary file, not a web page."));
      return FALSE;
    }

  return TRUE;
}

AttestHtmlArticle *
attest_html_extract (const char  *data,
                     gsize        length,
                     const char  *http_charset,
                     const char  *base_url,
                     GError     **error)
{
  g_autoptr(AttestHtmlArticle) article = NULL;
  g_autoptr(GString) decoded = NULL;
  Extractor ex = { 0, };
  JsonLd ld = { 0, };
  const char *html;
  gsize html_len, skip;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libxml2 wants its globals set up once before threads use it; imports run in threads. */
  if (g_once_init_enter (&xml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialised, 1);
    }

  if (!check_input (data, length, http_charset, error))
    return NULL;

  decoded = decode_page (data, length, http_charset, &skip);
  html = decoded != NULL ? decoded->str : data + skip;
  html_len = decoded != NULL ? decoded->len : length - skip;

  if (!looks_like_markup (html, html_len))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This does not look like a web page: it has no HTML tags."));
      return NULL;
    }

  ex.doc = htmlReadMemory (html, (int) html_len, base_url, "UTF-8", options);
  if (ex.doc == NULL)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The page could not be read as HTML."));
      return NULL;
    }
  if (decoded != NULL)
    {
      g_string_free (decoded, TRUE);
      decoded = NULL;
    }

  ex.meta.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ex.meta.authors = g_ptr_array_new_with_free_func (g_free);
  ex.meta.jsonld = g_ptr_array_new_with_free_func (g_free);
  ex.meta.headings = g_ptr_array_new_with_free_func (g_free);
  ex.infos = g_array_new (FALSE, FALSE, sizeof (NodeInfo));

  walk_tree ((xmlNode *) ex.doc, prepare_enter, NULL, &ex);
  for (guint i = 0; i < ex.meta.jsonld->len; i++)
    if (read_json_ld (&ld, ex.meta.jsonld->pdata[i]))
      break;

  article = g_new0 (AttestHtmlArticle, 1);
  fill_metadata (article, &ex.meta, &ld, base_url);

  /* The byline is metadata, not text. */
  if (ex.meta.byline_node != NULL && ex.meta.byline_node != ex.body)
    {
      xmlUnlinkNode (ex.meta.byline_node);
      xmlFreeNode (ex.meta.byline_node);
      ex.meta.byline_node = NULL;
    }

  if (ex.body == NULL)
    ex.body = xmlDocGetRootElement (ex.doc);
  if (ex.body != NULL)
    article->text = extract_text (&ex, article->title);

  /* Pages that write their text with scripts often carry it in their JSON-LD. */
  if (ld.body != NULL && text_length (article->text) < MIN_ARTICLE_CHARS)
    {
      g_autofree char *from_ld = json_body_text (ld.body);
      gsize dom_length = article->text != NULL ? strlen (article->text) : 0;

      if (from_ld != NULL && strlen (from_ld) > 2 * dom_length)
        {
          g_free (article->text);
          article->text = g_steal_pointer (&from_ld);
        }
    }

  json_ld_clear (&ld);
  page_meta_clear (&ex.meta);
  g_array_unref (ex.infos);
  xmlFreeDoc (ex.doc);

  if (article->text == NULL || !has_words (article->text))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("No article text was found in the page."));
      return NULL;
    }

  return g_steal_pointer (&article);
}
