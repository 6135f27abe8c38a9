"""Cuts the punctuation scan cannot see, and the word patterns it shares with them.

:func:`toolkit.segment.core.split_offsets` first accepts or rejects each run
of terminal punctuation; the finders here add the starts it misses: a
parenthesised aside, a line after a URL, a time stamp or an address, rule
lines, a title run into its text, numbered list items, periods glued to the
next word, a letter's greeting and sign-off, and [openers] words that begin a
sentence with no punctuation before them (:func:`_glued_cuts`).
"""

from __future__ import annotations

import re

from .rules import Rules

_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[\w'’-]+")
_GAP = " \t\u00a0"
# Name particles that follow an initial inside a name (A. de Musset).
_NAME_WORDS = frozenset({"Le", "La", "Les", "L'", "L’", "De", "Du", "Des", "Van", "Von"})
# A sentence glued to the previous one without a space ("world.Today"): a
# lowercase word, the punctuation, a capitalised word (checked in _glued_periods).
_GLUED_PERIOD = re.compile(r"[.!?](?=[A-Z][a-z]+(?:[\s,;:!?)]|$))")


def _cached(rules: Rules, build):
    pat = rules.cache.get(build)
    if pat is None:
        pat = rules.cache[build] = build(rules)
    return pat


# A parenthesis standing alone after a sentence: (Laughter) (Jerusalem Post).
_ASIDE = re.compile(r"[.!?][\"”»]?\s+\([^()\n]{1,60}\)\s+")
_ELLIPSIS_ONLY = frozenset(".… ")
_OMISSIONS = ("(...)", "(…)", "[...]", "[…]")


def _aside_cuts(text: str) -> list[int]:
    """Cuts after a parenthesis that follows a sentence end, before a capital.

    A source or a stage direction between two sentences ("… the world.
    (New Scientist Space) On 3 November …") belongs to neither; "(…)" marks an
    omission inside a quotation and is left alone.
    """
    out = []
    for m in _ASIDE.finditer(text):
        end = m.end()
        if end < len(text) and (text[end].isupper() or text[end] in "\"“«"):
            inner = text[text.index("(", m.start()) + 1 : text.rindex(")", m.start(), end)]
            if not _ELLIPSIS_ONLY.issuperset(inner):
                out.append(end)
    return out


# A web address followed by a capital, a quote or another address: a link on
# a line of its own, run into the next sentence once the lines are joined.
_URL_THEN = re.compile(r"(?:https?://|www\.)\S*[^\s.!?,;:]\s+(?=[A-Z\"“«]|https?://|www\.)")


# The date and time line of a forwarded e-mail ("Kay Mann 04/26/2001 07:17 AM Will
# you…"): what follows the time is the message.
_STAMP_THEN = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?"
                         r"(?: ?(?:AM|PM|am|pm))?\s+(?=[A-Z\"“](?![Mm]\b))")


# An e-mail address in angle brackets ends a header line ("Julie"<j@x.net> Groups: …).
_ADDRESS_THEN = re.compile(r"<[^<>\s@]+@[^<>\s]+>\s+(?=[A-Z\"“])")
# A line drawn with one repeated character, with what follows it.
_RULE_LINE = re.compile(r"(?<!\S)([_=*~-])\1{3,}(?=\s)\s*(?=\S)")


def _url_cuts(text: str) -> list[int]:
    return [m.end() for m in _URL_THEN.finditer(text)]


_TITLE_WORDS = 7
# The first words of a block with nothing but spaces between them.
_TITLE_RUN = re.compile(rf"[^\w'’-]*((?:[\w'’-]+[ \t\u00a0]+){{0,{_TITLE_WORDS - 1}}}[\w'’-]*)")
_SELF = frozenset({"I", "I'm", "I’m", "I've", "I'd", "I'll"})


def _title_cut(text: str, rules: Rules) -> list[int]:
    """A title run into its text at the start of a block ("Great service A very …").

    Among the first few words, with no punctuation before it, a capitalised
    sentence starter followed by a lowercase word begins the text after a
    title, unless a [closed] word precedes it. "I" stands capitalised anywhere
    and never counts.
    """
    run = _TITLE_RUN.match(text)
    words = run.group(1).split()
    for i in range(1, len(words)):
        w = words[i]
        if not any(ch.isalnum() for ch in "".join(words[:i])):
            continue  # only a list dash before it: "- Dans l'ombre du dossier"
        if (w in rules.starters and w not in _SELF and w not in _NAME_WORDS
                and words[i - 1].lower() not in rules.closed):
            m = list(_WORD.finditer(text, run.start(1), run.end(1)))[i]
            nxt = _NON_SPACE.search(text, m.end())
            if nxt and nxt.start() == m.end() + 1 and nxt.group().islower():
                return [m.start()]
    return []


# A heading in capitals (three words or more) run into a sentence that starts
# with a capitalised word and goes on in lowercase: "… AVANT DE RECEVOIR ACLASTA
# Avant de recevoir Aclasta, suivez …", or with a number and a lowercase word
# ("FORME PHARMACEUTIQUE ET CONTENU 2 flacons").
_UP = "A-ZÀ-ÖØ-ÞŒ"
_LOW = "a-zß-öø-ÿœ"
_CAPS_HEADING = re.compile(rf"(?=[{_UP}])(?<!\S)(?:[{_UP}][{_UP}'’()-]*[ \t\u00a0]+){{3,}}"
                           rf"(?=[{_UP}][{_LOW}]+[ \t\u00a0,]|\d+[ \t\u00a0]+[{_LOW}])")


def _caps_heading_cuts(text: str, rules: Rules) -> list[int]:
    """Cuts after a heading in capitals, before a capitalised word then lowercase.

    Ten letters at least, so that a run of acronyms (OMS ONU Femmes) is no heading.
    Before a number, the heading must not end with a [closed] word (CHIFFRES DE 2023).
    """
    out = []
    for m in _CAPS_HEADING.finditer(text):
        run = m.group()
        if not run.isupper() or sum(ch.isalpha() for ch in run) < 10:
            continue
        if text[m.end()].isdigit():
            if run.split()[-1].lower() not in rules.closed:
                out.append(m.end())
            continue
        word = _WORD.match(text, m.end())
        nxt = _NON_SPACE.search(text, word.end()) if word else None
        w = word.group() if word else ""
        capitalised = len(w) > 1 and w[0].isupper() and w[1:].islower()
        if capitalised and nxt and (nxt.group().islower() or nxt.group() == ","):
            out.append(m.end())
    return out


# A numbered or lettered list flattened into one line: "1.) The first item 2.) The second",
# "• 9. First • 10. Second", "a. First b. Second".
_MARKER = r"(?P<bullet>[•⁃*–-][ \t]*)?(?P<val>\d{1,3}|[a-z])(?P<mark>\.\)|\)|\.)\s+"
_LIST_START = re.compile(r"\s*" + _MARKER)
_LIST_ITEM = re.compile(r"(?:^|(?<=\s))" + _MARKER)


def _list_items(text: str, cuts: list[int]) -> list[int]:
    """Cuts before each item of a list that starts the block, none after its markers.

    The items are the markers of the first one's style whose values follow it
    one by one (1, 2, 3 or a, b, c); a lone "1." is a heading number, and
    a number further on only counts if it continues the sequence.
    """
    first = _LIST_START.match(text)
    style, val = first.group("mark"), first.group("val")
    items = [first]
    for m in _LIST_ITEM.finditer(text, first.end()):
        if m.group("mark") != style or not _follows(val, m.group("val")):
            continue
        items.append(m)
        val = m.group("val")
    if len(items) < 2:
        return cuts
    inner = {m.end() for m in items}
    starts = {m.start("bullet") if m.group("bullet") else m.start("val") for m in items[1:]}
    return sorted({c for c in cuts if c not in inner} | starts)


def _follows(prev: str, val: str) -> bool:
    if prev.isdigit():
        return val.isdigit() and int(val) == int(prev) + 1
    return not val.isdigit() and ord(val) == ord(prev) + 1


def _glued_periods(text: str) -> list[int]:
    """Cuts after a period glued to the next sentence ("good.Today is").

    Only between a lowercase word and a capitalised one, and never inside an
    address or a file name (a dot, @, / or : earlier in the same token).
    """
    out: list[int] = []
    for m in _GLUED_PERIOD.finditer(text):
        i = m.start()
        j = i
        while j > 0 and text[j - 1].isalpha() and text[j - 1].islower():
            j -= 1
        if i - j < 2 or (j > 0 and not text[j - 1].isspace() and text[j - 1] not in "\"'(«“"):
            continue
        out.append(i + 1)
    return out


def _letter_pattern(rules: Rules) -> re.Pattern[str]:
    """A sign-off formula, or a greeting with up to three names, then a comma."""
    alts = []
    if rules.signoffs:
        alts.append("(?:" + "|".join(map(re.escape, sorted(rules.signoffs, key=len, reverse=True)))
                    + ")")
    if rules.greetings:
        words = "|".join(map(re.escape, sorted(rules.greetings, key=len, reverse=True)))
        alts.append(rf"(?P<greeting>(?:{words})(?:[ \t\u00a0]+[^\W\d_][\w.'’-]*){{0,3}})")
    # A one-character lookahead lets the engine skip to likely starts (as in
    # _opener_pattern); most texts hold no letter formula at all.
    first = re.escape("".join(sorted({w[0] for w in rules.signoffs | rules.greetings})))
    return re.compile(rf"(?=[{first}])(?<!\S)(?:" + "|".join(alts) + r"),\s+(?=[^\W\d_])")


def _letter_cuts(text: str, rules: Rules) -> list[int]:
    """Cuts after the salutation and the closing formula of a letter or an e-mail.

    "Dear Nina, Here's a tip" and "Best regards, Debra Perlingiere" are
    sentences of their own when a capital follows the comma, unless it is a
    title or a form of address (Thank you, Mr. President).
    """
    out = []
    for m in _cached(rules, _letter_pattern).finditer(text):
        end = m.end()
        if not text[end].isupper():
            continue
        word = _WORD.match(text, end)
        if word and (word.group() in rules.prefix or word.group().lower() in rules.prefix_ci):
            continue
        # A name signs; a form of address goes on in lowercase (Merci, Monsieur le Président).
        after = _WORD.match(text, word.end() + 1) if word and not m.groupdict().get("greeting") else None
        if after and after.start() == word.end() + 1 and after.group()[0].islower():
            continue
        out.append(end)
    return out


def _comma_pattern(rules: Rules) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(rules.colon, key=len, reverse=True)))
    # Starting with the comma lets the engine skip ahead to the next one.
    return re.compile(rf",(?<=[\w\"”»)],)[ \t\u00a0]+(?=(?:{words})[ \t\u00a0]+(?P<next>[\w'’]+))")


def _comma_cuts(text: str, rules: Rules) -> list[int]:
    """Cuts after a comma followed by a capitalised [colon] pronoun and a lowercase word.

    Inside a sentence these words are lowercase after a comma; capitalised,
    they start a sentence after a line that lost its end ("… ou "Ville", Il
    était membre"). A [closed] word after them marks a name (Elle et Vogue).
    """
    out = []
    for m in _cached(rules, _comma_pattern).finditer(text):
        nxt = m.group("next")
        if nxt[0].islower() and nxt.lower() not in rules.closed:
            out.append(m.end())
    return out


def word_trie(words: list[str]) -> str:
    """A regex matching any of ``words``, branching letter by letter (Ce, Cet, Cette ->
    C(?:e(?:t(?:te)?)?)): a hundred words cost a few character tests, not a hundred.

    Longer words are tried first, as in a longest-first alternation.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


def _opener_pattern(rules: Rules) -> re.Pattern[str]:
    """An [openers] word after a space, followed by a word or a comma (or a letter, if elided)."""
    whole = sorted((w for w in rules.openers if w[-1] not in "'’"), key=len, reverse=True)
    elided = sorted((w for w in rules.openers if w[-1] in "'’"), key=len, reverse=True)
    alts = []
    if whole:
        alts.append(word_trie(whole) + r"(?:[ \t\u00a0]+\w|,)")
    if elided:
        alts.append(word_trie(elided) + r"\w")
    # The leading one-character lookahead lets the engine skip to likely
    # starts; it makes the scan about 4x faster than starting at the spaces.
    first = re.escape("".join(sorted({w[0] for w in rules.openers})))
    return re.compile(rf"(?=[{first}])(?<=[ \t\u00a0])(?:" + "|".join(alts) + ")")


def _closing_quote(text: str, i: int) -> bool:
    """Whether the quote at ``i`` closes a quotation right after a word: a guillemet
    or curly quote (« Tous ensemble » Les …), or a straight quote touching it or
    spaced and closing by the count.

    After punctuation (« Nous verrons. » Puis) the period has decided already.
    """
    ch = text[i]
    j = i - 1
    if ch in "»”":
        if j >= 0 and text[j] in " \u00a0\u202f":
            j -= 1
    elif ch != '"':
        return False
    elif j > 0 and text[j] in " \u00a0" and text[j - 1].isalnum():
        # A spaced straight quote (de luxe " Le vendeur) closes when it is
        # the even one, counting from the start of the block.
        return text.count('"', 0, i) % 2 == 1
    return j >= 0 and text[j].isalnum()


_TITLED = re.compile(r"([\w'’-]+)\.?[ \t\u00a0]+[^\W\d_]")


def _titled_name(text: str, i: int, rules: Rules) -> bool:
    """Whether a capitalised [prefix] title then a capitalised word start at ``i`` (Dre Martel)."""
    m = _TITLED.match(text, i)
    return bool(m and m.group(1) in rules.prefix and text[m.end() - 1].isupper())


def _glued_cuts(text: str, rules: Rules) -> list[int]:
    """Sentence starts that have no punctuation before them.

    Headings, titles and lines that lost their period run straight into the
    next sentence once flattened ("Formula Nippon Il était membre"). Inside a
    sentence, a capitalised subject pronoun, article or sentence adverb only
    begins a name or a title, and a title's second word is capitalised
    (La Haye, Le Monde) or follows a word a sentence cannot end with (parmi
    lesquelles La cerámica). So the word must be preceded by a letter, digit,
    ")" or closing quote ending a word outside [closed], and followed by a
    lowercase word.
    """
    out: list[int] = []
    for m in _cached(rules, _opener_pattern).finditer(text):
        end = m.start()
        gap = end - 1
        while gap > 0 and text[gap - 1] in _GAP:
            gap -= 1
        if gap == 0 or not (text[gap - 1].isalnum() or text[gap - 1] == ")"
                            or _closing_quote(text, gap - 1)):
            continue
        if text[gap - 1] == ")" and text.endswith(_OMISSIONS, 0, gap):
            continue  # "(...)" marks an omission: the quoted sentence goes on
        word = _WORD.match(text, end)
        if word is None:
            continue
        w = word.group()
        k = min((i for i in (w.find("'"), w.find("’")) if i > 0), default=0)
        nxt = None
        if k and w[: k + 1] in rules.openers:
            following = w[k + 1 : k + 2]
        else:
            nxt = _NON_SPACE.search(text, word.end())
            following = nxt.group() if nxt else ""
        # A comma after the word marks a sentence adverb (Ensuite, les ...);
        # a title and a name after it the subject (La Dre Martel croit ...).
        if not following.islower() and following != "," and not (
                nxt is not None and following.isupper() and _titled_name(text, nxt.start(), rules)):
            continue
        lo = gap - 40 if gap > 40 else 0
        prev = text[lo:gap].split()
        if prev and prev[-1].lower() in rules.closed:
            continue
        out.append(end)
    return out
