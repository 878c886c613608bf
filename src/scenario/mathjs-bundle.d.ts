// mathjs's single-file build: the same library as 'mathjs', loaded as one file instead of ~1 260
// modules (which through the tsx loader took seconds of every CLI start).
declare module 'mathjs/lib/browser/math.js' {
  import type { MathJsInstance } from 'mathjs';

  const math: MathJsInstance;
  export default math;
}
