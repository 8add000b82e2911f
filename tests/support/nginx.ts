// The nginx process lives in scripts/lib/ so that the bench runs nginx as the tests do (issue 28).
export { freePort, nginxInstalled, startNginx, type RunningNginx } from '../../scripts/lib/nginx-process.ts';
