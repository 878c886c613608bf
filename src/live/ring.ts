/** The last `size` values of a series (a sparkline's worth), oldest first when read. */
export class Ring {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  push(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  clear(): void {
    this.next = 0;
    this.count = 0;
  }

  toArray(): number[] {
    const out = new Array<number>(this.count);
    const start = (this.next - this.count + this.size) % this.size;
    for (let i = 0; i < this.count; i++) out[i] = this.values[(start + i) % this.size];
    return out;
  }
}
