// NewsReader's reader features, all optional: every page works without this file. It is the only script on the
// reading pages. Settings live in this browser (localStorage), never on the server, so there is no account.
(() => {
    "use strict";
    const root = document.documentElement;
    const store = {
        get(key, fallback) {
            try { return localStorage.getItem("newsreader." + key) ?? fallback; } catch { return fallback; }
        },
        set(key, value) {
            try { localStorage.setItem("newsreader." + key, value); } catch { /* private mode: the choice lasts for the page */ }
        },
    };

    // Applied before the body is drawn (this script runs in <head>), so a chosen theme never flashes the other one.
    const applySettings = () => {
        root.dataset.theme = store.get("theme", "system");
        root.dataset.textSize = store.get("textSize", "normal");
        root.dataset.listView = store.get("listView", "cards");
    };
    applySettings();

    // ---- Read and unread: slugs of opened articles, newest last, capped so storage stays small.
    const readLimit = 2000;
    const readSlugs = () => new Set(store.get("read", "").split(" ").filter(Boolean));
    const saveRead = set => store.set("read", [...set].slice(-readLimit).join(" "));
    const slugOf = href => {
        const match = /^\/articles\/([^/?#]+)$/.exec(new URL(href, location.href).pathname);
        return match ? match[1] : null;
    };

    // ---- Relative times in lists: "3 hours ago" for the last week; the full date stays as the tooltip.
    const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    const relativeTime = (date, now) => {
        const seconds = (date.getTime() - now) / 1000;
        const units = [["day", 86400], ["hour", 3600], ["minute", 60]];
        if (seconds > 60 || seconds < -7 * 86400) return null;
        for (const [unit, size] of units) {
            if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
        }
        return "just now";
    };

    const shortcuts = [
        ["j", "next article"], ["k", "previous article"], ["o", "open the selected article"],
        ["/", "search"], ["?", "show or hide these shortcuts"], ["Esc", "close this list"],
    ];

    const ready = () => {
        const now = Date.now();
        for (const time of document.querySelectorAll("time[data-relative]")) {
            const text = relativeTime(new Date(time.getAttribute("datetime")), now);
            if (text) {
                time.title = time.textContent;
                time.textContent = text;
            }
        }

        // Opening an article marks it read; lists dim what was read.
        const here = slugOf(location.href);
        const read = readSlugs();
        if (here && document.querySelector("article.article")) {
            read.delete(here);
            read.add(here);
            saveRead(read);
        }

        const cards = [...document.querySelectorAll("main .card:has(.card-title a)")];
        const cardSlug = card => slugOf(card.querySelector(".card-title a").href);
        const markCards = () => {
            const current = readSlugs();
            for (const card of cards) card.classList.toggle("is-read", current.has(cardSlug(card)));
        };
        markCards();

        // The tools the server rendered hidden (they need this script) are shown and wired up.
        for (const tools of document.querySelectorAll("[data-reader-tools]")) tools.hidden = false;

        const bindChoice = (selector, key, apply) => {
            for (const select of document.querySelectorAll(selector)) {
                select.value = store.get(key, select.value);
                select.addEventListener("change", () => {
                    store.set(key, select.value);
                    apply();
                });
            }
        };
        bindChoice("select[data-setting='theme']", "theme", applySettings);
        bindChoice("select[data-setting='textSize']", "textSize", applySettings);

        for (const button of document.querySelectorAll("button[data-list-view]")) {
            const show = () => button.setAttribute("aria-pressed", String(root.dataset.listView === "compact"));
            show();
            button.addEventListener("click", () => {
                store.set("listView", root.dataset.listView === "compact" ? "cards" : "compact");
                applySettings();
                show();
            });
        }

        for (const button of document.querySelectorAll("button[data-mark-all-read]")) {
            button.addEventListener("click", () => {
                const current = readSlugs();
                for (const card of cards) current.add(cardSlug(card));
                saveRead(current);
                markCards();
                announce(`${cards.length} articles marked read`);
            });
        }

        for (const button of document.querySelectorAll("button[data-copy-link]")) {
            button.addEventListener("click", async () => {
                const url = button.dataset.copyLink;
                try {
                    await navigator.clipboard.writeText(url);
                    announce("Link copied");
                } catch {
                    // No clipboard permission (an old browser, an insecure origin): offer the address to copy by hand.
                    window.prompt("Copy this link:", url);
                }
            });
        }

        for (const button of document.querySelectorAll("button[data-print]")) {
            button.addEventListener("click", () => window.print());
        }

        // ---- Keyboard shortcuts, never while typing in a field.
        let selected = -1;
        const select = index => {
            if (cards.length === 0) return;
            selected = Math.max(0, Math.min(cards.length - 1, index));
            cards.forEach((card, i) => card.classList.toggle("is-selected", i === selected));
            const link = cards[selected].querySelector(".card-title a");
            link.focus({ preventScroll: true });
            cards[selected].scrollIntoView({ block: "nearest" });
        };
        const step = rel => document.querySelector(`.next-reads a[rel=${rel}]`);
        let help = null;
        const toggleHelp = () => {
            if (!help) {
                help = document.createElement("dialog");
                help.className = "shortcut-help";
                help.setAttribute("aria-labelledby", "shortcut-help-title");
                help.innerHTML = `<h2 id="shortcut-help-title">Keyboard shortcuts</h2><dl></dl><form method="dialog"><button>Close</button></form>`;
                const list = help.querySelector("dl");
                for (const [key, what] of shortcuts) {
                    const dt = document.createElement("dt");
                    const kbd = document.createElement("kbd");
                    kbd.textContent = key;
                    dt.append(kbd);
                    const dd = document.createElement("dd");
                    dd.textContent = what;
                    list.append(dt, dd);
                }
                document.body.append(help);
            }
            if (help.open) help.close(); else help.showModal();
        };

        document.addEventListener("keydown", event => {
            if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
            const target = event.target;
            if (target.closest("input, textarea, select, [contenteditable]")) return;
            const key = event.key;
            if (key === "?") { event.preventDefault(); toggleHelp(); return; }
            if (key === "/") {
                const box = document.querySelector("#search-q") ?? document.querySelector("#site-search");
                if (box) { event.preventDefault(); box.focus(); box.select(); }
                return;
            }
            if (help?.open) return;
            if (key === "j" || key === "k") {
                if (cards.length > 0) {
                    event.preventDefault();
                    const focused = cards.findIndex(card => card.contains(document.activeElement));
                    const from = focused >= 0 ? focused : selected;
                    select(from < 0 ? 0 : from + (key === "j" ? 1 : -1));
                } else {
                    // On an article: j goes on to the older article, k back to the newer one, as in the list.
                    const link = step(key === "j" ? "next" : "prev");
                    if (link) { event.preventDefault(); location.href = link.href; }
                }
                return;
            }
            if (key === "o" && selected >= 0) {
                event.preventDefault();
                location.href = cards[selected].querySelector(".card-title a").href;
            }
        });
    };

    // A polite live region for messages that would otherwise be seen only.
    const announce = message => {
        let region = document.getElementById("reader-status");
        if (!region) {
            region = document.createElement("p");
            region.id = "reader-status";
            region.className = "reader-status";
            region.setAttribute("role", "status");
            document.body.append(region);
        }
        region.textContent = message;
        clearTimeout(announce.timer);
        announce.timer = setTimeout(() => { region.textContent = ""; }, 4000);
    };

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
})();
