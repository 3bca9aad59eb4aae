"use strict";

// The transcript's DOM API, called from TranscriptView. Ids are strings (a JS number cannot
// hold every Java long). Everything a message needs later is kept in `messages`, so the
// streaming calls touch one element and never search the document.
window.ponder = (() => {
  const root = document.documentElement;
  const messages = new Map();
  const THINKING_BLOCK_CHARS = 2000;
  const CHUNK_BLOCKS = 32;
  const icons = {
    copy: "M16 1H4c-1.1 0-2 .9-2 2v14h2V3h12V1zm3 4H8c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h11c1.1 0 2-.9 2-2V7c0-1.1-.9-2-2-2zm0 16H8V7h11v14z",
    check: "M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z",
    edit: "M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM5.92 19H5v-.92l9.06-9.06.92.92L5.92 19zM20.71 5.63l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83a1 1 0 0 0 0-1.41z",
    regenerate: "M17.65 6.35A7.958 7.958 0 0 0 12 4c-4.42 0-7.99 3.58-7.99 8s3.57 8 7.99 8c3.73 0 6.84-2.55 7.73-6h-2.08A5.99 5.99 0 0 1 12 18c-3.31 0-6-2.69-6-6s2.69-6 6-6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z",
    previous: "M15.41 7.41 14 6l-6 6 6 6 1.41-1.41L10.83 12z",
    next: "M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z",
  };
  // Streaming re-renders a growing answer many times a second; all but its last block are
  // unchanged, so their typeset HTML is reused instead of recomputed.
  const typesetCache = new Map();
  const CACHE_LIMIT = 500;
  const MIN_THINKING_WIDTH = 160;
  // Must match BlockSeparator.HTML.
  const BLOCK_SEPARATOR = "<!--block-->";
  let collapsedByDefault = false;
  let thinkingWidth = 320;
  let following = true;
  let frameRequested = false;
  const thinkingToFollow = new Set();

  // Typeset math, code blocks, tables and icons each give WebKit a few render layers (KaTeX positions every
  // superscript and fraction relatively), and WebKit walks every layer of the page whenever it lays out or paints
  // a frame: a long answer with math cost 20-50 ms a frame while it streamed. A finished block far off screen is
  // "parked": its height is pinned and its elements are not rendered, so it has no layers until it comes near.
  // The DOM stays whole: text, copying and the test hooks see everything. Blocks are parked in chunks of
  // CHUNK_BLOCKS: with one observed element a block, a 10,000-token answer had over a thousand, and WebKit
  // checked each of them, and laid out each as a child of the answer, on every frame.
  const parking = new IntersectionObserver(entries => {
    for (const entry of entries) {
      if (entry.isIntersecting) unpark(entry.target);
      else park(entry.target, entry.boundingClientRect.height);
    }
  }, { rootMargin: "100% 0px" });

  const list = () => document.getElementById("transcript");
  const bridge = () => window.ponderBridge;

  function nearBottom() {
    return window.innerHeight + window.scrollY >= root.scrollHeight - 64;
  }

  // Content growth fires no scroll event, so this remembers where the user last left the view.
  window.addEventListener("scroll", () => { following = nearBottom(); }, { passive: true });

  // Scrolling needs a layout; asking once per frame lets the page lay out once, at paint time,
  // however many updates arrived in between.
  function follow() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      for (const body of thinkingToFollow) body.scrollTop = body.scrollHeight;
      thinkingToFollow.clear();
      if (following) window.scrollTo(0, root.scrollHeight);
    });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function icon(name) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "icon-" + name);
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", icons[name]);
    svg.append(path);
    return svg;
  }

  function iconButton(name, title, onClick) {
    const button = element("button", "icon-button " + name);
    button.type = "button";
    button.title = title;
    button.setAttribute("aria-label", title);
    button.append(icon(name));
    button.addEventListener("click", onClick);
    return button;
  }

  // A chunk's first and last blocks' margins collapse through it with its neighbours'; parked, it has no blocks
  // shown, so it takes their margins as its own and the page around it stays where it was.
  function park(chunk, height) {
    if (height <= 0 || chunk.classList.contains("parked")) return;
    const first = chunk.firstElementChild;
    const last = chunk.lastElementChild;
    if (first) chunk.style.marginTop = getComputedStyle(first).marginTop;
    if (last) chunk.style.marginBottom = getComputedStyle(last).marginBottom;
    chunk.style.height = height + "px";
    chunk.classList.add("parked");
  }

  function unpark(chunk) {
    if (!chunk.classList.contains("parked")) return;
    chunk.classList.remove("parked");
    chunk.style.height = chunk.style.marginTop = chunk.style.marginBottom = "";
  }

  function watch(chunk) {
    chunk.classList.add("parkable");
    parking.observe(chunk);
  }

  // A pinned height is only right for the width and font it was measured at: after those change, every block is
  // measured again (an observed block is reported anew).
  function reparkAll(within = document) {
    for (const block of within.querySelectorAll(".parkable")) {
      unpark(block);
      parking.unobserve(block);
      parking.observe(block);
    }
  }

  let reparkTimer = 0;
  function reparkSoon() {
    clearTimeout(reparkTimer);
    reparkTimer = setTimeout(() => reparkAll(), 200);
  }
  window.addEventListener("resize", reparkSoon);

  // A selection reaching into parked blocks must copy their text and math as shown.
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    for (const block of document.querySelectorAll(".parked")) {
      if (range.intersectsNode(block)) unpark(block);
    }
  });

  function send(kind, id) {
    bridge()?.action(kind, id);
  }

  function copied(button) {
    button.classList.add("copied");
    setTimeout(() => button.classList.remove("copied"), 1500);
  }

  function copyButton(id) {
    const button = iconButton("copy", "Copy", () => { send("COPY", id); copied(button); });
    button.append(icon("check"));
    return button;
  }

  function branchSwitcher(id, index, count) {
    const switcher = element("span", "branches");
    const previous = iconButton("previous", "Previous version", () => send("BRANCH_PREVIOUS", id));
    const next = iconButton("next", "Next version", () => send("BRANCH_NEXT", id));
    previous.disabled = index <= 0;
    next.disabled = index >= count - 1;
    switcher.append(previous, element("span", "branch-position", (index + 1) + " / " + count), next);
    return switcher;
  }

  function addUser(id, text, branchIndex, branchCount) {
    const message = element("section", "message user");
    const actions = element("div", "actions");
    actions.append(copyButton(id), iconButton("edit", "Edit and resend", () => send("EDIT", id)));
    // Last, so it lines up with the bubble's edge while the other buttons are hidden.
    if (branchCount > 1) actions.append(branchSwitcher(id, branchIndex, branchCount));
    message.dataset.id = id;
    message.append(element("div", "bubble", text), actions);
    list().append(message);
    messages.set(id, { message });
    // The user just sent this: show it, wherever they had scrolled to.
    following = true;
    follow();
  }

  function addAssistant(id, branchIndex, branchCount) {
    const message = element("section", "message assistant");
    message.dataset.id = id;
    const turn = element("div", "turn no-thinking" + (collapsedByDefault ? " collapsed" : ""));
    const header = element("button", "thinking-header");
    header.type = "button";
    const label = element("span", "thinking-label", "Thinking…");
    header.append(icon("next"), label);
    header.addEventListener("click", () => {
      turn.classList.toggle("collapsed");
      reparkAll(turn);
    });
    const body = element("div", "thinking-body");
    const entry = { message, turn, label, body, thinkingChunk: null, thinkingLength: 0, stuck: true };
    body.addEventListener("scroll", () => {
      entry.stuck = body.scrollTop + body.clientHeight >= body.scrollHeight - 24;
    }, { passive: true });
    const thinking = element("aside", "thinking");
    thinking.append(header, body);
    const gutter = element("div", "gutter");
    gutter.title = "Drag to resize the thinking column";
    gutter.addEventListener("mousedown", startResize);
    entry.answer = element("div", "answer markdown");
    entry.blockNodes = [];
    entry.chunks = [];
    entry.status = element("div", "status");
    const actions = element("div", "actions");
    actions.append(copyButton(id), iconButton("regenerate", "Regenerate", () => send("REGENERATE", id)));
    // Regenerated answers are versions of one reply: step through them as through edited questions.
    if (branchCount > 1) actions.append(branchSwitcher(id, branchIndex, branchCount));
    const column = element("div", "answer-column");
    column.append(entry.answer, entry.status, actions);
    turn.append(thinking, gutter, column);
    message.append(turn);
    list().append(message);
    messages.set(id, entry);
    follow();
  }

  function appendThinking(id, text) {
    const entry = messages.get(id);
    if (!entry) return;
    // Models open their thinking with blank lines; they would show as an empty gap.
    if (!entry.thinkingLength) text = text.replace(/^\s+/, "");
    if (!text) return;
    entry.thinkingLength += text.length;
    // Text nodes take appends far more cheaply than HTML is parsed. A long thought goes into blocks of a few
    // thousand characters, cut after a line break, so that WebKit lays out only the last block as it grows.
    const cut = entry.thinkingChunk && entry.thinkingChunk.length > THINKING_BLOCK_CHARS ? text.indexOf("\n") : -1;
    if (cut >= 0) {
      entry.thinkingChunk.appendData(text.substring(0, cut + 1));
      text = text.substring(cut + 1);
      entry.thinkingChunk = null;
    }
    if (!entry.thinkingChunk) {
      entry.thinkingChunk = document.createTextNode("");
      entry.body.append(element("div", "thinking-block"));
      entry.body.lastChild.append(entry.thinkingChunk);
    }
    entry.thinkingChunk.appendData(text);
    entry.turn.classList.remove("no-thinking");
    if (entry.stuck) thinkingToFollow.add(entry.body);
    follow();
  }

  function setThinkingLabel(id, text) {
    const entry = messages.get(id);
    if (!entry) return;
    entry.label.textContent = text;
    entry.turn.classList.remove("no-thinking");
  }

  function setThinkingCollapsed(id, collapsed) {
    const turn = messages.get(id)?.turn;
    if (!turn || turn.classList.contains("collapsed") === collapsed) return;
    turn.classList.toggle("collapsed", collapsed);
    reparkAll(turn);
  }

  // Keeps the answer's first `kept` blocks and puts those of `html` after them. TranscriptView sends only the
  // blocks after the last unchanged one: while an answer streams, that is the block being written, so parsing and
  // typesetting stay the same size however long it gets.
  function replaceAnswerFrom(id, kept, html) {
    const entry = messages.get(id);
    if (!entry) return;
    for (const nodes of entry.blockNodes.splice(kept)) {
      for (const node of nodes) node.remove();
    }
    for (const chunk of entry.chunks.splice(Math.ceil(kept / CHUNK_BLOCKS))) {
      parking.unobserve(chunk);
      chunk.remove();
    }
    const changed = new Set();
    if (kept % CHUNK_BLOCKS) changed.add(entry.chunks[entry.chunks.length - 1]);
    for (const block of html ? html.split(BLOCK_SEPARATOR) : []) {
      const template = document.createElement("template");
      template.innerHTML = block;
      typeset(template.content);
      if (entry.blockNodes.length % CHUNK_BLOCKS === 0) {
        entry.chunks.push(entry.answer.appendChild(element("div", "chunk")));
      }
      const chunk = entry.chunks[entry.chunks.length - 1];
      entry.blockNodes.push([...template.content.childNodes]);
      chunk.append(template.content);
      changed.add(chunk);
    }
    // A changed chunk is shown, then measured again: its pinned height is no longer right.
    for (const chunk of changed) {
      unpark(chunk);
      parking.unobserve(chunk);
      watch(chunk);
    }
    follow();
  }

  function setStatus(id, text, error) {
    const entry = messages.get(id);
    if (!entry) return;
    entry.status.textContent = text;
    entry.status.classList.toggle("error", error);
    follow();
  }

  function removeFrom(id) {
    let node = messages.get(id)?.message;
    while (node) {
      const next = node.nextElementSibling;
      node.querySelectorAll(".parkable").forEach(chunk => parking.unobserve(chunk));
      messages.delete(node.dataset.id);
      node.remove();
      node = next;
    }
  }

  function clear() {
    parking.disconnect();
    list().replaceChildren();
    messages.clear();
    following = true;
  }

  function cached(key, compute) {
    let value = typesetCache.get(key);
    if (value === undefined) {
      value = compute();
      if (typesetCache.size >= CACHE_LIMIT) typesetCache.delete(typesetCache.keys().next().value);
      typesetCache.set(key, value);
    }
    return value;
  }

  function typeset(container) {
    for (const code of container.querySelectorAll("pre > code")) decorateCode(code);
    for (const math of container.querySelectorAll(".math-inline, .math-display")) renderMath(math);
  }

  function decorateCode(code) {
    const languageClass = [...code.classList].find(name => name.startsWith("language-"));
    const language = languageClass ? languageClass.substring("language-".length) : "";
    const source = code.textContent;
    code.classList.add("hljs");
    // Without a language, auto-detection would try every grammar on every frame: plain is calmer.
    if (language && window.hljs?.getLanguage(language)) {
      code.innerHTML = cached("code\u0000" + language + "\u0000" + source,
        () => hljs.highlight(source, { language, ignoreIllegals: true }).value);
    }
    const block = element("div", "code-block");
    const head = element("div", "code-head");
    const copy = element("button", "copy-code");
    copy.type = "button";
    const label = element("span", "copy-label", "Copy");
    copy.append(icon("copy"), icon("check"), label);
    copy.addEventListener("click", () => {
      bridge()?.copyText(source);
      label.textContent = "Copied";
      copied(copy);
      setTimeout(() => { label.textContent = "Copy"; }, 1500);
    });
    head.append(element("span", "code-language", language || "text"), copy);
    const pre = code.parentElement;
    pre.replaceWith(block);
    block.append(head, pre);
  }

  function renderMath(node) {
    const display = node.classList.contains("math-display");
    const tex = node.textContent;
    if (!window.katex) return;
    node.innerHTML = cached((display ? "display\u0000" : "inline\u0000") + tex,
      // HTML only: the hidden MathML copy would nearly double the DOM of a math-heavy chat;
      // copy-tex still copies the TeX source.
      () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: "html" }));
  }

  // A session's first formula and code listing load KaTeX's fonts and compile its code and highlight.js's: 20 ms and
  // more on the FX thread, in the middle of the first answer. A sample of each is laid out once the page has loaded,
  // out of sight, while the user types.
  function warmUp() {
    const sample = element("div", "markdown warm-up");
    sample.setAttribute("aria-hidden", "true");
    sample.innerHTML = "<p>A <strong>formula</strong> <span class=\"math-inline\">x_i^2 + \\frac{a}{b}</span></p>"
      + "<div class=\"math-display\">\\sum_{i=1}^{n} \\sqrt{x_i}</div>"
      + "<pre><code class=\"language-python\">def f(x):\n    return x * 2  # twice</code></pre>";
    typeset(sample);
    document.body.append(sample);
    void sample.offsetHeight;
    setTimeout(() => sample.remove(), 1000);
  }
  window.addEventListener("load", () => setTimeout(warmUp, 200));

  function applyThinkingWidth() {
    root.style.setProperty("--thinking-width", thinkingWidth + "px");
  }

  function clampWidth(px) {
    const max = Math.max(MIN_THINKING_WIDTH, list().clientWidth * 0.7);
    return Math.round(Math.min(Math.max(px, MIN_THINKING_WIDTH), max));
  }

  function startResize(event) {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = thinkingWidth;
    root.classList.add("resizing");
    const move = moved => {
      thinkingWidth = clampWidth(startWidth + moved.clientX - startX);
      applyThinkingWidth();
    };
    const up = () => {
      document.removeEventListener("mousemove", move);
      document.removeEventListener("mouseup", up);
      root.classList.remove("resizing");
      bridge()?.thinkingWidth(thinkingWidth);
      reparkAll();
    };
    document.addEventListener("mousemove", move);
    document.addEventListener("mouseup", up);
  }

  // A click on a link would navigate the WebView away from the transcript: hand it to Java.
  document.addEventListener("click", event => {
    const link = event.target.closest?.("a[href]");
    if (!link) return;
    event.preventDefault();
    if (/^(https?|mailto):/i.test(link.href)) bridge()?.openLink(link.href);
  });

  // A search hit: bring its message into view and mark it for a moment.
  function reveal(id) {
    const entry = messages.get(id);
    if (!entry) return;
    entry.message.scrollIntoView({ block: "center" });
    following = nearBottom();
    entry.message.classList.add("found");
    setTimeout(() => entry.message.classList.remove("found"), 2500);
  }

  return {
    clear, addUser, addAssistant, reveal, appendThinking, setThinkingLabel, setThinkingCollapsed,
    replaceAnswerFrom, setStatus, removeFrom,
    scrollToBottom: follow,
    setDark(dark) {
      root.classList.toggle("dark", dark);
      document.getElementById("hljs-light").disabled = dark;
      document.getElementById("hljs-dark").disabled = !dark;
    },
    setFontSize(px) {
      root.style.setProperty("--font-size", px + "px");
      reparkSoon();
    },
    setThinkingWidth(px) {
      const width = Math.max(MIN_THINKING_WIDTH, Math.round(px));
      // A drag in the page ends by telling the window the width it already has here, and has re-parked since.
      if (width === thinkingWidth) return;
      thinkingWidth = width;
      applyThinkingWidth();
      reparkSoon();
    },
    setThinkingCollapsedByDefault(collapsed) {
      collapsedByDefault = collapsed;
    },
    answerText: id => messages.get(id)?.answer?.textContent ?? null,
    thinkingText: id => messages.get(id)?.body?.textContent ?? null,
    thinkingLabel: id => messages.get(id)?.label?.textContent ?? null,
    isThinkingCollapsed: id => messages.get(id)?.turn?.classList.contains("collapsed") ?? false,
    messageCount: () => messages.size,
    branchLabel: id => messages.get(id)?.message?.querySelector(".branch-position")?.textContent ?? null,
    isFound: id => messages.get(id)?.message?.classList.contains("found") ?? false,
  };
})();
