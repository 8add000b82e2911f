// Moved to src/lib so the PDF integration can serve dist/ too.
export { serveDist } from '../../src/lib/static-server.ts';
