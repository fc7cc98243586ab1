// A 2D canvas context that records what is painted as SVG elements: a canvas painter (the grouped
// overview's) draws an exported vector picture that is exactly what the screen shows. It covers
// the calls the painters use (rectangles, lines, Bézier curves, text, dashes, alpha, a scale-and-
// translate transform); text is measured with a real canvas when there is one.
import { escapeXml } from './xml';

type Matrix = [number, number, number, number, number, number];

export class SvgContext {
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'left';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  private dash: number[] = [];
  private matrix: Matrix = [1, 0, 0, 1, 0, 0];
  private path: string[] = [];
  private readonly parts: string[] = [];
  private readonly measurer = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;

  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    this.matrix = typeof a === 'number' ? [a, b, c, d, e, f] : [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0];
  }
  clearRect(): void {}
  setLineDash(segments: number[]): void {
    this.dash = [...segments];
  }
  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push(`M${n(x)} ${n(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.path.push(`L${n(x)} ${n(y)}`);
  }
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): void {
    this.path.push(`C${n(a)} ${n(b)} ${n(c)} ${n(d)} ${n(x)} ${n(y)}`);
  }
  rect(x: number, y: number, width: number, height: number): void {
    this.path.push(`M${n(x)} ${n(y)}h${n(width)}v${n(height)}h${n(-width)}Z`);
  }
  fill(): void {
    if (this.path.length > 0) this.parts.push(`<path d="${this.path.join('')}" fill="${this.fillStyle}"${this.common()}/>`);
  }
  stroke(): void {
    if (this.path.length === 0) return;
    const dash = this.dash.length > 0 ? ` stroke-dasharray="${this.dash.map(n).join(' ')}"` : '';
    this.parts.push(`<path d="${this.path.join('')}" fill="none" stroke="${this.strokeStyle}" stroke-width="${n(this.lineWidth)}"${dash}${this.common()}/>`);
  }
  fillText(text: string, x: number, y: number): void {
    const anchor = this.textAlign === 'center' ? 'middle' : this.textAlign === 'right' || this.textAlign === 'end' ? 'end' : 'start';
    const baseline = this.textBaseline === 'middle' ? 'central' : this.textBaseline === 'top' ? 'hanging' : 'auto';
    const { weight, size, family } = parseFont(this.font);
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" font-weight="${weight}" font-family="${escapeXml(family)}" text-anchor="${anchor}" dominant-baseline="${baseline}" fill="${this.fillStyle}"${this.common()}>${escapeXml(text)}</text>`,
    );
  }
  measureText(text: string): TextMetrics {
    if (this.measurer) {
      this.measurer.font = this.font;
      return this.measurer.measureText(text);
    }
    return { width: text.length * parseFont(this.font).size * 0.56 } as TextMetrics; // no canvas (a test): about right for sans-serif
  }

  /** The elements painted so far. */
  elements(): string {
    return this.parts.join('');
  }

  private common(): string {
    const [a, b, c, d, e, f] = this.matrix;
    const transform = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0 ? '' : ` transform="matrix(${[a, b, c, d, e, f].map(n).join(' ')})"`;
    return `${this.globalAlpha < 1 ? ` opacity="${n(this.globalAlpha)}"` : ''}${transform}`;
  }
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function parseFont(font: string): { weight: string; size: number; family: string } {
  const match = /^(?:(\d{3}|bold|normal)\s+)?(\d+(?:\.\d+)?)px\s+(.+)$/.exec(font.trim());
  return match ? { weight: match[1] ?? '400', size: Number(match[2]), family: match[3] as string } : { weight: '400', size: 10, family: 'sans-serif' };
}
