import '../theme/focus.h5.scss';

/**
 * Taro's H5 components are custom elements that browsers and screen readers know nothing about:
 * a `<taro-button-core>` has no role and is not in the tab order, a View given `role="button"` is
 * still not focusable, Enter does nothing on either, and the tab bar is a row of links outside any
 * landmark. This fills that in for the whole app, as elements appear:
 * 1. Buttons get `role="button"`; enabled ones join the tab order, disabled ones say so
 *    (`aria-disabled`) and leave it.
 * 2. Elements the screens give an interactive role (button, link, checkbox, radio, tab, switch)
 *    join the tab order unless they set their own `tabindex` or are `aria-disabled`.
 * 3. Enter and Space press the focused one, as they press a native button.
 * 4. The tab bar becomes the `navigation` landmark and marks its current tab.
 * Returns a function that stops watching (for tests).
 */
export function enhanceAccessibility(doc: Document = document): () => void {
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') enhanceElement(m.target as Element);
      else m.addedNodes.forEach((n) => n.nodeType === 1 && enhanceTree(n as Element));
    }
  });
  observer.observe(doc.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled', 'role', 'aria-disabled', 'class'],
  });
  enhanceTree(doc.body);
  doc.addEventListener('keydown', pressOnKey, true);
  return () => {
    observer.disconnect();
    doc.removeEventListener('keydown', pressOnKey, true);
  };
}

const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'switch', 'menuitem']);
const SELECTOR = `taro-button-core, taro-tabbar, a.weui-tabbar__item, ${[...INTERACTIVE_ROLES].map((r) => `[role="${r}"]`).join(', ')}`;
/** Marks a tabindex this file set, so it may change it again when the element is (un)disabled. */
const OWN_TABINDEX = 'data-a11y-tabindex';

function enhanceTree(root: Element): void {
  if (root.matches(SELECTOR)) enhanceElement(root);
  root.querySelectorAll(SELECTOR).forEach(enhanceElement);
}

const isDisabled = (el: Element) =>
  (el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false') || el.getAttribute('aria-disabled') === 'true';

function setTabIndex(el: Element, value: string): void {
  if (el.hasAttribute('tabindex') && !el.hasAttribute(OWN_TABINDEX)) return;
  if (el.getAttribute('tabindex') !== value) el.setAttribute('tabindex', value);
  if (!el.hasAttribute(OWN_TABINDEX)) el.setAttribute(OWN_TABINDEX, '');
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

function enhanceElement(el: Element): void {
  const tag = el.localName;
  if (tag === 'taro-tabbar') {
    setAttr(el, 'role', 'navigation');
    setAttr(el, 'aria-label', '主导航');
    return;
  }
  if (tag === 'a' && el.classList.contains('weui-tabbar__item')) {
    setAttr(el, 'aria-current', el.classList.contains('weui-bar__item_on') ? 'page' : null);
    return;
  }
  if (tag === 'taro-button-core') {
    if (!el.hasAttribute('role')) el.setAttribute('role', 'button');
    const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
    setAttr(el, 'aria-disabled', disabled ? 'true' : null);
    setTabIndex(el, disabled ? '-1' : '0');
    return;
  }
  const role = el.getAttribute('role');
  if (role && INTERACTIVE_ROLES.has(role)) setTabIndex(el, isDisabled(el) ? '-1' : '0');
}

/** Enter or Space on a focused custom button (or checkbox, tab…) clicks it, as on a native one. */
function pressOnKey(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const target = e.target as Element | null;
  if (!target || typeof target.matches !== 'function') return;
  // Native controls and links already answer the keyboard themselves.
  if (/^(a|button|input|textarea|select)$/.test(target.localName)) return;
  const role = target.getAttribute('role');
  if (!role || !INTERACTIVE_ROLES.has(role) || isDisabled(target)) return;
  e.preventDefault();
  (target as HTMLElement).click();
}
