package dev.sweep.data;


/**
 * The walk behind a reduction: a variable's elements in storage order, read in chunks into a
 * primitive buffer and handed on in runs that share one output cell (a reduced innermost axis) or
 * that map onto consecutive output cells (a kept innermost axis). Adjacent axes that are both kept or
 * both reduced are merged first, so a run is as long as the layout allows.
 */
final class Strided {
  /** Elements read per bulk copy: large enough to amortise the copy, small enough to stay in cache. */
  static final int CHUNK = 1 << 13;

  /** Sizes of the merged axes, outermost first. */
  final int[] len;
  /** Output-cell stride of each merged axis; 0 for a reduced one. */
  final int[] outStride;
  /** The shape of the result: the kept dimensions' sizes, in order. */
  final long[] outShape;
  /** The number of output cells. */
  final int cells;
  /** The number of elements that fold into each output cell. */
  final int perCell;
  final long length;

  Strided(long[] shape, boolean[] reduced) {
    int rank = shape.length;
    int[] l = new int[Math.max(rank, 1)];
    boolean[] red = new boolean[l.length];
    int k = 0;
    long out = 1;
    int kept = 0;
    for (int d = 0; d < rank; d++) {
      if (!reduced[d]) {
        out *= shape[d];
        kept++;
      }
      if (k > 0 && red[k - 1] == reduced[d]) {
        l[k - 1] = Math.toIntExact((long) l[k - 1] * shape[d]);
      } else {
        l[k] = Math.toIntExact(shape[d]);
        red[k] = reduced[d];
        k++;
      }
    }
    if (rank == 0) {
      l[0] = 1;
      k = 1;
    }
    len = java.util.Arrays.copyOf(l, k);
    outStride = new int[k];
    int s = 1;
    for (int d = k - 1; d >= 0; d--) {
      if (!red[d]) {
        outStride[d] = s;
        s = Math.toIntExact((long) s * len[d]);
      }
    }
    outShape = new long[kept];
    int o = 0;
    for (int d = 0; d < rank; d++) if (!reduced[d]) outShape[o++] = shape[d];
    cells = Math.toIntExact(out);
    length = Column.product(shape);
    perCell = cells == 0 ? 0 : Math.toIntExact(length / cells);
  }

  /** Receives runs of doubles: {@code buf[from .. from + n)} for cell {@code cell} (step 0) or cells {@code cell ..} (step 1). */
  interface DoubleRun {
    void accept(double[] buf, int from, int n, int cell, int step);
  }

  /** Receives runs of longs, as {@link DoubleRun}. */
  interface LongRun {
    void accept(long[] buf, int from, int n, int cell, int step);
  }

  void walkDoubles(Column c, DoubleRun run) {
    double[] buf = new double[(int) Math.min(CHUNK, Math.max(length, 1))];
    Cursor cur = new Cursor();
    for (long k = 0; k < length; ) {
      int n = (int) Math.min(buf.length, length - k);
      c.getDoubles(k, buf, 0, n);
      for (int p = 0; p < n; ) {
        int seg = cur.segment(n - p);
        run.accept(buf, p, seg, cur.cell(), cur.step());
        p += seg;
        cur.advance(seg);
      }
      k += n;
    }
  }

  void walkLongs(Column c, LongRun run) {
    long[] buf = new long[(int) Math.min(CHUNK, Math.max(length, 1))];
    Cursor cur = new Cursor();
    for (long k = 0; k < length; ) {
      int n = (int) Math.min(buf.length, length - k);
      c.getLongs(k, buf, 0, n);
      for (int p = 0; p < n; ) {
        int seg = cur.segment(n - p);
        run.accept(buf, p, seg, cur.cell(), cur.step());
        p += seg;
        cur.advance(seg);
      }
      k += n;
    }
  }

  /** For strings and other per-element work: calls back with each element's storage offset and output cell. */
  void forEach(ElementVisitor visit) {
    Cursor cur = new Cursor();
    for (long k = 0; k < length; ) {
      int seg = cur.segment(Integer.MAX_VALUE);
      int cell = cur.cell();
      int step = cur.step();
      for (int t = 0; t < seg; t++) visit.accept(k + t, cell + step * t);
      k += seg;
      cur.advance(seg);
    }
  }

  /** Receives one element's storage offset and its output cell. */
  interface ElementVisitor {
    void accept(long offset, int cell);
  }

  /** Position within the current run of the innermost merged axis, and the odometer of the outer ones. */
  private final class Cursor {
    private final int inner = len.length - 1;
    private final int[] idx = new int[inner];
    private int j;
    private int rowCell;

    int segment(int available) {
      return Math.min(available, len[inner] - j);
    }

    int step() {
      return outStride[inner] == 0 ? 0 : 1;
    }

    int cell() {
      return outStride[inner] == 0 ? rowCell : rowCell + j;
    }

    void advance(int n) {
      j += n;
      if (j < len[inner]) return;
      j = 0;
      for (int d = inner - 1; d >= 0; d--) {
        if (++idx[d] < len[d]) {
          rowCell += outStride[d];
          return;
        }
        rowCell -= outStride[d] * (len[d] - 1);
        idx[d] = 0;
      }
    }
  }
}
