import type { ProblemDetail } from '../model/problem.js';
import { Status } from '../model/status.js';
import { problem } from './table.js';

/**
 * The last resort of status normalization: what a carrier's own text ("Weather delay", "Delivered, Front
 * Door/Porch", "Retenido en aduana") says about where the parcel is and what went wrong. Used when a code is
 * unknown, or too coarse to name the problem (see `StatusRow.refine`).
 *
 * How it reads a text, so that a reader can predict every answer:
 * 1. Only the first {@link MAX_TEXT_LENGTH} characters count; no carrier writes more, and it bounds the work.
 * 2. The text is lower-cased, accents are dropped ("Livré" → "livre", "Verzögerung" → "verzogerung") and every
 *    run of characters that are not letters or digits becomes one space, with a space added at each end. So
 *    "Delivery attempted - no access!" is read as " delivery attempted no access ", and a rule written as
 *    `/ no access /` matches whole words only.
 * 3. The stage is the result of the first of {@link STAGE_RULES} that matches; the problem is the result of the
 *    first of {@link PROBLEM_RULES} that matches. A problem rule whose result is `null` says "this text names
 *    no problem" ("Customs clearance completed") and stops the search.
 * 4. A problem with no stage rule matched means the carrier still has the parcel: `in_transit`.
 *
 * Every pattern is a plain alternation of words with no nested repetition, so matching takes time linear in
 * the (already bounded) text. English first, then common Spanish, French and German carrier phrases.
 */

/** Characters of a description that are read; the rest is ignored. */
export const MAX_TEXT_LENGTH = 2000;

/** Ordered: the first matching rule names the stage. Order matters, e.g. "not delivered" before "delivered". */
export const STAGE_RULES: ReadonlyArray<readonly [pattern: RegExp, status: Status]> = [
  // On its way back, in progressive or future forms ("Returning to sender", "Return to sender", "Being returned").
  // Before "returned to …", which means it is back.
  [
    / (?:being|be) returned | returning | return(?:ed)? in (?:progress|transit) | return to (?:the )?(?:sender|shipper|origin)| return initiated | (?:on (?:its|the) way|en route|heading) back | rts |devuelto al remitente|devolucion al remitente|en devolucion|retourne a l expediteur|retour (?:a l )?expediteur|en retour |zuruck an (?:den )?absender|rucksendung|rucklauf/,
    Status.returning,
  ],
  // Back at the sender ("Returned to shipper", "Delivered to sender").
  [
    / returned to (?:the )?(?:shipper|sender|origin|merchant|seller|retailer|consignor)| (?:delivered|returned) back to (?:the )?(?:shipper|sender)| delivered to (?:the )?(?:shipper|sender|consignor) | return (?:was |has been )?delivered | (?:received|collected) by (?:the )?(?:shipper|sender) /,
    Status.returned,
  ],
  [
    / (?:shipment|label|order|parcel|package|consignment|envio|envoi|sendung) (?:was |has been |is |wurde )?(?:cancell?ed|voided|cancelad[oa]|annulee?|storniert) | cancell?ed by (?:the )?(?:shipper|sender|merchant|seller) |^ cancell?ed $/,
    Status.cancelled,
  ],
  // "Not delivered" and its kin name no stage of their own, but must never read as "delivered".
  [
    / not (?:yet )?(?:been )?delivered | undelivered | undeliverable | unable to deliver| (?:could|can) not (?:be )?deliver| cannot (?:be )?deliver| can t (?:be )?deliver| delivery (?:failed|unsuccessful|not possible|was unsuccessful)| failed delivery| no entregad[oa] | no se pudo entregar| non livree? | nicht zugestellt | zustellung nicht moglich/,
    Status.inTransit,
  ],
  // Collected by the shopper from a pick-up point: delivered, not merely "picked up" by the carrier.
  [
    / (?:picked up|collected|retrieved) by (?:the )?(?:customer|recipient|consignee|addressee|receiver) | recogido por el (?:cliente|destinatario)| retire par le destinataire| vom empfanger abgeholt/,
    Status.delivered,
  ],
  [
    / out for delivery | on (?:the )?(?:delivery )?vehicle for delivery | (?:loaded )?(?:on|onto) (?:the )?delivery (?:vehicle|truck|van) | with (?:the )?(?:delivery )?(?:courier|driver) for delivery | en reparto | en cours de livraison | in zustellung | zustellfahrzeug | wird heute zugestellt /,
    Status.outForDelivery,
  ],
  // Promises of delivery are not deliveries ("Will be delivered Tuesday").
  [
    / (?:will|to|would|should|expected to|scheduled to|going to) be delivered | sera entregad[oa] | sera livree? | wird (?:voraussichtlich )?zugestellt /,
    Status.inTransit,
  ],
  [
    / (?:available|ready) for (?:customer )?(?:pick ?up|collection) | awaiting (?:customer |recipient )?collection | awaiting (?:customer|recipient) pick ?up | (?:held|hold|holding) for (?:customer )?(?:pick ?up|collection) | held at (?:the )?post office | (?:delivered|arrived) (?:to|at|in) (?:the |a |your )?(?:pick ?up|parcel|service|access|collection) (?:point|location|shop|locker|centre|center)| (?:delivered|arrived) (?:to|at|in) (?:the |a |your )?(?:parcel )?locker | disponible para (?:recoger|retirar|recogida|retiro)| listo para (?:recoger|retirar)| disponible (?:au retrait|en point relais|en relais|en bureau de poste)| a retirer | abholbereit | zur abholung | in der packstation /,
    Status.availableForPickup,
  ],
  [
    / delivered | delivery (?:completed?|successful|confirmed) | signed for | signed by | left (?:at|in|with) (?:the )?(?:front |back |side )?(?:door|porch|mailbox|mail box|reception|neighbou?r|garage|parcel box|letterbox|letter box) | entregad[oa] | livree? | zugestellt | ausgeliefert /,
    Status.delivered,
  ],
  [
    / label (?:created|printed|generated|issued) | shipping label | shipment (?:information|info|data|details) (?:received|sent|transmitted) | information received | electronic (?:shipment |shipping )?(?:information|notification|data) | pre ?shipment | pre ?transit | awaiting (?:item|shipment|drop ?off|handover|pick ?up by (?:the )?carrier) | order (?:information )?received | ready to ship | etiqueta (?:creada|generada)| informacion recibida| etiquette (?:creee|imprimee)| informations? (?:recues?|transmises?) | sendungsdaten| elektronisch (?:angekundigt|ubermittelt)| auftragsdaten/,
    Status.infoReceived,
  ],
  // No carrier data yet.
  [
    / no (?:tracking )?information (?:available )?yet | no tracking information | tracking information (?:is )?not (?:yet )?available | not yet in (?:the )?system | awaiting (?:first |carrier )?scan /,
    Status.pending,
  ],
  [
    / in transit | transit | arriv| depart| left (?:the )?(?:facility|hub|origin|depot|country) | picked up | accept| received (?:at|by|in) | process| sort| facility | facilities | hub | depot | on (?:its|the) way | en route | transferred | forwarded | redirected | dispatch| shipped | loaded | unloaded | scan| customs | clearance | destination country | export | import | en transito | en camino | en ruta | llegad[oa] | salio | admitid[oa] | en transit | acheminement| pris en charge | unterwegs | abgeholt | bearbeitet | sortier| eingetroffen | weitergeleitet | paketzentrum/,
    Status.inTransit,
  ],
];

/**
 * Ordered: the first matching rule names the problem; `null` means "no problem here" and stops the search.
 * Specific reasons come before general ones ("Weather delay" is weather, "Held in customs" is customs).
 */
export const PROBLEM_RULES: ReadonlyArray<readonly [pattern: RegExp, problem: ProblemDetail | null]> = [
  [/ (?:problem|issue|exception|delay) (?:has been |was |is )?resolved | resolved /, null],
  // Settled payments are not due ones.
  [
    / (?:duties|duty|taxes|tax|fees|charges|payment|cod amount) (?:and (?:duties|taxes) )?(?:have been |has been |were |was )?(?:paid|received|settled) /,
    null,
  ],
  [
    / duties | duty (?:due|owed|payable) | tax(?:es)? (?:due|owed|payable|unpaid) | (?:payment|fee|fees|charges) (?:is |are )?(?:required|due|outstanding|pending|owed) | (?:awaiting|pending|held for|held pending) payment | pay (?:the )?(?:duties|fees|charges|import) | unpaid | aranceles | impuestos | pago pendiente | droits (?:de douane|et taxes|a payer) | frais de douane | paiement (?:requis|en attente) | zollgebuhr| einfuhrabgaben | zahlung (?:erforderlich|ausstehend) /,
    problem('payment_due', true),
  ],
  // Customs clearance going as it should is no problem.
  [
    / customs (?:clearance )?(?:completed?|cleared|released|finished|successful|started|in progress|processing) | cleared (?:through )?customs | released (?:by|from) customs | clearance (?:completed?|finished|started|in progress) | handed (?:over )?to customs /,
    null,
  ],
  // Customs waiting on the shopper: papers or information only they can give.
  [
    / (?:customs|clearance|import|importer) (?:information|documents|documentation|paperwork|details) (?:is |are )?(?:required|needed|requested|missing) | (?:recipient|consignee|receiver|importer) (?:must|needs to|has to) (?:provide|supply|submit|send) /,
    problem('customs', true),
  ],
  [
    / held (?:in|by|at) customs | customs (?:hold|held|delay|delayed|exception|inspection|detention|detained|issue|problem|query|examination) | (?:delayed|detained|held|stopped) (?:in|by|at) customs | (?:customs )?clearance (?:delay|delayed|exception|issue|problem|on hold) | (?:missing|incorrect|incomplete|inaccurate|additional) (?:customs |import )?(?:documents|documentation|paperwork) | awaiting (?:customs )?(?:documents|documentation|paperwork) | retenid[oa] en (?:la )?aduana| retrasad[oa] en (?:la )?aduana| retenue? (?:en|par la) douane| bloquee? en douane| zollkontrolle| beim zoll | vom zoll /,
    problem('customs'),
  ],
  [
    / address(?:ee)? (?:is )?(?:unknown|incorrect|incomplete|insufficient|invalid|inaccurate|not found|problem|issue|error|correction|unclear|illegible) | (?:incorrect|incomplete|insufficient|invalid|wrong|bad|inaccurate|unknown|illegible) (?:delivery |street )?address | (?:addressee|recipient|consignee|customer|receiver) (?:is )?(?:unknown|moved|has moved|relocated) | moved (?:left no|no forwarding) | no such (?:street|number|address|addressee|recipient) | unknown (?:addressee|recipient|consignee) | undeliverable as addressed | (?:cannot|unable to|could not) locate (?:the )?address | address could not be (?:found|located) | direccion (?:incorrecta|incompleta|erronea|desconocida) | destinatario desconocido | adresse (?:incorrecte|incomplete|erronee|inconnue|falsch|unvollstandig|unbekannt) | destinataire inconnu | empfanger (?:unbekannt|verzogen) /,
    problem('address', true),
  ],
  [
    / refus| (?:rejected|declined) by (?:the )?(?:recipient|consignee|customer|addressee|receiver) | (?:recipient|consignee|customer|addressee|receiver) (?:declined|rejected|did not accept) | rechazad[oa] | rehusad[oa] | verweigert | annahme verweigert /,
    problem('refused'),
  ],
  [/ damage| broken | crushed | destroyed | danad[oa] | endommagee? | abimee? | beschadigt /, problem('damaged')],
  [
    / lost | disposed | (?:package|parcel|shipment|item) (?:is |was |has gone )?missing | missing (?:package|parcel|shipment|item) | (?:cannot|could not|unable to) (?:be )?locate(?:d)? | perdid[oa] | extraviad[oa] | perdue? | egaree? | verloren | verschollen /,
    problem('lost'),
  ],
  [
    / weather| storm| snow| blizzard| hurricane| typhoon| tornado| flood| wildfire| natural disaster| inclement| meteo| intemperie| tormenta| nieve | neige| tempete| unwetter| wetter| sturm| glatteis/,
    problem('weather'),
  ],
  // A parcel waiting where the shopper asked for it is not a problem.
  [
    / (?:held|hold|holding) (?:for|awaiting) (?:customer )?(?:pick ?up|collection) | at (?:the )?customers? request | customer requested /,
    null,
  ],
  [
    / attempt| notice left | left (?:a )?notice | notice (?:card )?left | card left | no access | (?:access|entry) (?:denied|not possible|not available|restricted) | inaccessible | nobody (?:home|available|present|in) | no one (?:home|available|present|in|to sign) | (?:recipient|addressee|customer|consignee|receiver) (?:was )?(?:not available|unavailable|not home|not at home|not present|not in|absent) | (?:business|office|premises|store) (?:was )?closed | closed on arrival | missed (?:delivery|you) | delivery missed | we missed you | redeliver| reschedule delivery | arrange (?:a )?(?:new )?delivery | not delivered | undelivered | undeliverable | unable to deliver | (?:could|can) not (?:be )?deliver| cannot (?:be )?deliver| delivery (?:failed|unsuccessful|not possible) | failed delivery | intento de entrega | no entregad[oa] | ausente | aviso de llegada | tentative de livraison | avis de passage | destinataire absent | non livree? | zustellversuch | nicht angetroffen | nicht zugestellt | benachrichtigungskarte /,
    problem('failed_attempt', true),
  ],
  [/ held | on hold | hold at | holding | retenid[oa] | retenue? | zuruckgehalten | angehalten /, problem('held')],
  [
    / delay| running late | late | behind schedule | later than (?:expected|planned|scheduled) | rescheduled | missort| mis sort| missent | mis sent | misrouted | mis routed | retras| retard| verzog| verspat/,
    problem('delayed'),
  ],
  [
    / exception | incident | irregular| problem | issue | rejected by (?:the )?carrier | prohibited | incidencia | probleme | storung /,
    problem('other'),
  ],
];

/** Lower-case, accent-free, punctuation-free, space-padded: the form every rule is written against. */
function fold(text: string): string {
  const folded = text
    .slice(0, MAX_TEXT_LENGTH)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function firstMatch<T>(rules: ReadonlyArray<readonly [RegExp, T]>, text: string): { value: T } | undefined {
  for (const [pattern, value] of rules) if (pattern.test(text)) return { value };
  return undefined;
}

/**
 * What a carrier's description says about the stage and the problem, or `undefined` when it says nothing
 * recognisable. Never throws, whatever it is given (non-strings, any Unicode, megabytes of text).
 */
export function statusFromDescription(text: string): { status: Status; problem?: ProblemDetail } | undefined {
  if (typeof text !== 'string') return undefined;
  let folded: string;
  try {
    folded = fold(text);
  } catch {
    return undefined;
  }
  if (folded.trim() === '') return undefined;
  const stage = firstMatch(STAGE_RULES, folded);
  const found = firstMatch(PROBLEM_RULES, folded)?.value ?? undefined;
  if (!stage && !found) return undefined;
  const status = stage?.value ?? Status.inTransit;
  return found ? { status, problem: { ...found } } : { status };
}
