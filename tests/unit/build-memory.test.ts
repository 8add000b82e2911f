import { describe, expect, it } from 'vitest';
import { formatCpuSteps, heapSnapshotSteps } from '../../src/lib/build-memory.ts';

describe('the build log of CPU per step', () => {
  it('says when a step kept one thread busy and the rest of the process idle', () => {
    const line = formatCpuSteps([
      { step: 'PDF', wallMs: 20_000, processCpuMs: 21_000, mainThreadCpuMs: 19_000 },
      { step: 'nén sẵn', wallMs: 10_000, processCpuMs: 19_000, mainThreadCpuMs: 1_000 },
      { step: 'start', wallMs: 10, processCpuMs: 5, mainThreadCpuMs: 5 },
    ]);
    expect(line).toBe('CPU theo bước: PDF 20.0 s, cả tiến trình 21.0 s (105 %), luồng chính 19.0 s (95 %); nén sẵn 10.0 s, cả tiến trình 19.0 s (190 %), luồng chính 1.0 s (10 %)');
  });
  it('writes heap snapshots only after the steps named in BUILD_HEAP_SNAPSHOT', () => {
    expect([...heapSnapshotSteps({ BUILD_HEAP_SNAPSHOT: 'chỉ mục tìm kiếm, PDF' })]).toEqual(['chỉ mục tìm kiếm', 'PDF']);
    expect(heapSnapshotSteps({}).size).toBe(0);
  });
});
