// The sandbox in a process of its own, as a carrier's server is: bench/track starts this with `fork`, so the
// sandbox's CPU time is not counted as the client's and the two do not share one event loop. Its one
// argument is how many hours of scenario have already played; it sends its base URL once listening.
import { carrierSandboxes, createSandbox } from '@trackline/sandbox';

const historyHours = Number(process.argv[2] ?? 400);
const sandbox = createSandbox({ carriers: carrierSandboxes, start: new Date(Date.now() - historyHours * 3_600_000) });
const url = await sandbox.listen(0);
process.send!({ url });
// The parent disconnects when it is done (or dies): then stop serving and leave.
process.once('disconnect', () => void sandbox.close().then(() => process.exit(0)));
