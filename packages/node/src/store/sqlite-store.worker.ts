// A separate process for sqlite-store.test.ts: delivers every webhook of one parcel to the store at
// argv[2], starting at webhook argv[3], and prints how many it was told were duplicates.
import { sqliteStore } from '@trackline/node';
import { event, update } from './store-suite.js';

const [path, offset] = process.argv.slice(2);
const store = await sqliteStore({ path: path! });
const scans = Array.from({ length: 20 }, (_, i) =>
  event(`2024-04-23T${String(i).padStart(2, '0')}:00:00Z`, i === 19 ? 'delivered' : 'in_transit', `S${i}`),
);
let duplicates = 0;
for (let n = 0; n < scans.length; n++) {
  const i = (n + Number(offset)) % scans.length;
  const result = await store.applyUpdate(update([scans[i]!], { webhookId: `w${i}` }));
  if (result.duplicate) duplicates++;
}
await store.close();
console.log(`duplicates=${duplicates}`);
