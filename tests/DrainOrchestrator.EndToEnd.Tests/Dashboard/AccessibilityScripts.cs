namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>The checks the accessibility tests run inside a page, on what the browser computed.</summary>
internal static class AccessibilityScripts
{
    /// <summary>The focusable controls in document order, each tagged with <c>data-tab-index</c>; returns their descriptions.</summary>
    public const string TagFocusable = """
        () => {
          const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
          const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const all = [...document.querySelectorAll(selector)].filter((e) => visible(e) && e.tabIndex >= 0);
          all.forEach((e, i) => e.setAttribute('data-tab-index', String(i)));
          return all.map((e) => e.outerHTML.slice(0, 120));
        }
        """;

    /// <summary>Elements whose tabindex puts them out of document order (positive values).</summary>
    public const string PositiveTabIndex = "() => [...document.querySelectorAll('[tabindex]')].filter((e) => e.tabIndex > 0).map((e) => e.outerHTML.slice(0, 120))";

    /// <summary>The <c>data-tab-index</c> of the focused element, or -1.</summary>
    public const string FocusedIndex = "() => Number(document.activeElement?.getAttribute('data-tab-index') ?? -1)";

    /// <summary>Inputs, selects, text areas, buttons and links without an accessible name.</summary>
    public const string Unnamed = """
        () => {
          const text = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
          const name = (e) => {
            if (text(e.getAttribute('aria-label'))) return true;
            const by = e.getAttribute('aria-labelledby');
            if (by && by.split(/\s+/).some((id) => text(document.getElementById(id)?.textContent))) return true;
            if (e.labels && [...e.labels].some((l) => text(l.textContent))) return true;
            if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && text(e.textContent)) return true;
            if (e.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(e.type) && text(e.value)) return true;
            return Boolean(text(e.getAttribute('title')));
          };
          return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], progress, [role=button]')]
            .filter((e) => !name(e)).map((e) => e.outerHTML.slice(0, 160));
        }
        """;

    /// <summary>
    /// Every visible element with text of its own whose colour against the background behind it (the nearest opaque
    /// ancestor's, white at the root) is below 4.5:1; returns each with its ratio.
    /// </summary>
    public const string LowContrast = """
        () => {
          const rgba = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return [0, 0, 0, 1]; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
          const luminance = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = (e) => {
            for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
              const c = rgba(getComputedStyle(n).backgroundColor);
              if (c[3] > 0.5) return c;
            }
            return [255, 255, 255, 1];
          };
          const failures = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (e.closest('svg') || e.getClientRects().length === 0) continue;
            const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            if (!own) continue;
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
            const fg = rgba(style.color);
            const [a, b] = [luminance(fg), luminance(background(e))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) failures.push(`${ratio.toFixed(2)}: ${e.outerHTML.slice(0, 120)}`);
          }
          return failures;
        }
        """;
}
