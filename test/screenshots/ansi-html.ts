/**
 * A terminal screen captured with its SGR escapes (tmux capture-pane -e) as HTML: one <pre> with a span
 * per styled run, in a dark terminal's colours. For the README's screenshots only.
 */
const COLOURS = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#dcdfe4'];
const BRIGHT = ['#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#82c4ff', '#de9bf0', '#7fd6e0', '#ffffff'];

interface Style {
  fg: string | null;
  bold: boolean;
  dim: boolean;
  inverse: boolean;
}

const ESC = String.fromCharCode(27);
const SGR_SPLIT = new RegExp(`(${ESC}\\[[0-9;]*m)`);
const SGR = new RegExp(`^${ESC}\\[([0-9;]*)m$`);

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function apply(style: Style, codes: number[]): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) Object.assign(style, { fg: null, bold: false, dim: false, inverse: false });
    else if (c === 1) style.bold = true;
    else if (c === 2) style.dim = true;
    else if (c === 22) Object.assign(style, { bold: false, dim: false });
    else if (c === 7) style.inverse = true;
    else if (c === 27) style.inverse = false;
    else if (c >= 30 && c <= 37) style.fg = COLOURS[c - 30];
    else if (c >= 90 && c <= 97) style.fg = BRIGHT[c - 90];
    else if (c === 39) style.fg = null;
    else if (c === 38 && codes[i + 1] === 5) {
      const n = codes[i + 2];
      style.fg = n < 8 ? COLOURS[n] : n < 16 ? BRIGHT[n - 8] : null;
      i += 2;
    }
  }
}

export function ansiToHtml(screen: string, title: string): string {
  const style: Style = { fg: null, bold: false, dim: false, inverse: false };
  let body = '';
  for (const part of screen.split(SGR_SPLIT)) {
    const sgr = SGR.exec(part);
    if (sgr !== null) {
      apply(style, sgr[1] === '' ? [0] : sgr[1].split(';').map(Number));
      continue;
    }
    if (part === '') continue;
    const fg = style.fg ?? '#dcdfe4';
    const css = [
      style.inverse ? `background:${fg};color:#1e1e1e` : `color:${fg}`,
      style.bold ? 'font-weight:700' : '',
      style.dim ? 'opacity:0.6' : '',
    ].filter(Boolean);
    body += `<span style="${css.join(';')}">${escapeHtml(part)}</span>`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{margin:0;background:#1e1e1e}
pre{margin:0;padding:12px 14px;font:14px/1.25 "DejaVu Sans Mono","Liberation Mono",monospace;color:#dcdfe4;display:inline-block}
</style></head><body><pre id="screen">${body}</pre></body></html>`;
}
