/**
 * H5 accessibility for Taro's custom elements (client/src/services/accessibility.h5.ts): buttons
 * and elements with an interactive role join the tab order and answer Enter and Space, disabled
 * ones leave it, the tab bar is the navigation landmark; inputs carry the label of their field.
 */
import { render, screen } from '@testing-library/react';
import { enhanceAccessibility } from '../../client/src/services/accessibility.h5';
import { Field, TextInput } from '../../client/src/packages/admin/shared/fields';
import TextAreaField from '../../client/src/components/text-area-field';

/** MutationObserver callbacks run as microtasks. */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('enhanceAccessibility (H5)', () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
  });

  it('makes Taro buttons focusable buttons, and takes disabled ones out of the tab order', async () => {
    document.body.innerHTML = '<taro-button-core id="ok">核验</taro-button-core><taro-button-core id="off" disabled="">提交</taro-button-core>';
    stop = enhanceAccessibility(document);
    const ok = document.getElementById('ok')!;
    const off = document.getElementById('off')!;
    expect(ok.getAttribute('role')).toBe('button');
    expect(ok.getAttribute('tabindex')).toBe('0');
    expect(off.getAttribute('aria-disabled')).toBe('true');
    expect(off.getAttribute('tabindex')).toBe('-1');

    off.removeAttribute('disabled');
    await flush();
    expect(off.getAttribute('tabindex')).toBe('0');
    expect(off.hasAttribute('aria-disabled')).toBe(false);
  });

  it('puts elements that appear later with an interactive role in the tab order, keeping a tabindex of their own', async () => {
    stop = enhanceAccessibility(document);
    const card = document.createElement('taro-view-core');
    card.setAttribute('role', 'button');
    const own = document.createElement('taro-view-core');
    own.setAttribute('role', 'tab');
    own.setAttribute('tabindex', '-1');
    const text = document.createElement('taro-view-core');
    document.body.append(card, own, text);
    await flush();
    expect(card.getAttribute('tabindex')).toBe('0');
    expect(own.getAttribute('tabindex')).toBe('-1');
    expect(text.hasAttribute('tabindex')).toBe(false);
  });

  it('presses the focused element on Enter and Space, not when it is disabled or a native control', () => {
    document.body.innerHTML = '<taro-view-core id="card" role="button">博物馆</taro-view-core><taro-view-core id="off" role="radio" aria-disabled="true">x</taro-view-core><input id="field" role="button" />';
    stop = enhanceAccessibility(document);
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    const press = (id: string, key: string) => document.getElementById(id)!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    press('card', 'Enter');
    press('card', ' ');
    press('card', 'a');
    press('off', 'Enter');
    press('field', 'Enter');
    expect(clicks).toEqual(['card', 'card']);
  });

  it('makes the tab bar the navigation landmark and marks the current tab', async () => {
    document.body.innerHTML = '<taro-tabbar><a class="weui-tabbar__item weui-bar__item_on" id="home">首页</a><a class="weui-tabbar__item" id="mine">我的</a></taro-tabbar>';
    stop = enhanceAccessibility(document);
    expect(document.querySelector('taro-tabbar')!.getAttribute('role')).toBe('navigation');
    expect(document.getElementById('home')!.getAttribute('aria-current')).toBe('page');
    expect(document.getElementById('mine')!.hasAttribute('aria-current')).toBe(false);

    document.getElementById('home')!.className = 'weui-tabbar__item';
    document.getElementById('mine')!.className = 'weui-tabbar__item weui-bar__item_on';
    await flush();
    expect(document.getElementById('home')!.hasAttribute('aria-current')).toBe(false);
    expect(document.getElementById('mine')!.getAttribute('aria-current')).toBe('page');
  });
});

describe('inputs are named by their field’s label', () => {
  it('a console text input takes the label of the Field around it', () => {
    render(
      <Field label='场景名称'>
        <TextInput value='' onChange={() => undefined} testId='incentive-title' />
      </Field>,
    );
    expect(screen.getByLabelText('场景名称')).toBe(screen.getByTestId('incentive-title'));
  });

  it('a text area field is named by its label', () => {
    render(<TextAreaField label='报告内容' value='' onChange={() => undefined} testId='verify-input' />);
    expect(screen.getByLabelText('报告内容')).toBe(screen.getByTestId('verify-input'));
  });
});
