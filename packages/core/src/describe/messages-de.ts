import type { DateRangeText, DayText, MessageContext as C, Messages, TimeText } from './types.js';

// German declines the generic carrier: der (subject), den (object), dem/beim (after mit/bei).
const der = (c: C) => c.carrier || 'der Paketdienst';
const Der = (c: C) => c.carrier || 'Der Paketdienst';
const den = (c: C) => c.carrier || 'den Paketdienst';
const dem = (c: C) => c.carrier || 'dem Paketdienst';
const bei = (c: C) => (c.carrier ? `bei ${c.carrier}` : 'beim Paketdienst');
const on = (d: DayText) => (d.relative ? d.text : `am ${d.text}`);
/** "um 10:50 Uhr", also before a time zone's name: "um 10:50 Uhr MESZ". */
const at = (t: TimeText) => (t.time ? `${on(t)} um ${t.time.replace(/^(\d{1,2}:\d{2})(?=\s|$)/, '$1 Uhr')}` : on(t));
const when = (d: DateRangeText) => (d.window ? `zwischen ${d.from.text} und ${d.to.text}` : on(d.from));
const likely = (d: DateRangeText) => (d.likely ? ` Am wahrscheinlichsten ${on(d.likely)}.` : '');
/** "heute um 10:50 Uhr in Fresno, CA": German puts the time before the place. */
const where = (c: C) => [c.time && at(c.time), c.place && `in ${c.place}`].filter(Boolean).join(' ');
const sp = (text: string) => (text ? ` ${text}` : '');
const askCarrier = (c: C) => `Wenden Sie sich an ${den(c)}, um zu erfahren, was Sie tun müssen.`;
const replaceOrRefund = 'Wenden Sie sich wegen Ersatz oder einer Erstattung an den Shop.';
const stillWant =
  'Wenn Sie Ihre Bestellung noch möchten, wenden Sie sich wegen einer neuen Lieferung oder einer Erstattung an den Shop.';

export const de: Messages = {
  'status.pending.headline': () => 'Warten auf erste Informationen',
  'status.pending.happened': (c) =>
    `Wir haben Ihre Sendungsnummer, aber ${der(c)} hat noch keine Informationen übermittelt.`,
  'status.pending.next': (c) => `Sobald ${der(c)} Ihr Paket erfasst, sehen Sie hier Neuigkeiten.`,

  'status.info_received.headline': () => 'Versandbereit',
  'status.info_received.happened': (c) => `Der Shop hat Ihr Paket vorbereitet. ${Der(c)} hat es noch nicht abgeholt.`,
  'status.info_received.next': (c) => `Sobald ${der(c)} es abgeholt hat, können Sie es hier verfolgen.`,

  'status.in_transit.headline': () => 'Unterwegs',
  'status.in_transit.happened': (c) => `Ihr Paket ist mit ${dem(c)} unterwegs.`,
  'status.in_transit.next': (c) => (c.eta ? '' : `Wir zeigen ein Lieferdatum an, sobald ${der(c)} eines nennt.`),

  'status.out_for_delivery.headline': () => 'In Zustellung',
  'status.out_for_delivery.happened': (c) => `${Der(c)} hat Ihr Paket${sp(where(c))} auf ein Zustellfahrzeug geladen.`,
  'status.out_for_delivery.next': (c) =>
    c.time && !c.time.today ? 'Es sollte bald ankommen.' : 'Es sollte im Laufe des Tages ankommen.',

  'status.available_for_pickup.headline': () => 'Abholbereit',
  'status.available_for_pickup.happened': (c) =>
    `Ihr Paket liegt für Sie an einer Abholstelle${sp(c.place && `in ${c.place}`)} bereit.`,
  'status.available_for_pickup.next': () =>
    'Abholstellen bewahren Pakete nur begrenzte Zeit auf und schicken sie dann an den Shop zurück.',
  'status.available_for_pickup.todo': (c) =>
    `Holen Sie Ihr Paket an der Abholstelle${sp(c.place && `in ${c.place}`)} ab, bevor es zurückgeschickt wird.`,

  'status.delivered.headline': () => 'Zugestellt',
  'status.delivered.happened': (c) => `${Der(c)} hat Ihr Paket${sp(c.time ? at(c.time) : '')} zugestellt.`,
  'status.delivered.next': () =>
    'Die Zustellung ist abgeschlossen. Sie finden es nicht? Schauen Sie rund um Ihre Tür nach und fragen Sie Ihre Nachbarn.',

  'collected.headline': () => 'Abgeholt',
  'collected.happened': (c) =>
    `Ihr Paket wurde${sp(c.time ? at(c.time) : '')} an der Abholstelle${sp(c.place && `in ${c.place}`)} abgeholt.`,
  'collected.next': () =>
    'Die Zustellung ist abgeschlossen. Falls Sie es nicht selbst abgeholt haben, fragen Sie an der Abholstelle nach.',

  'status.returning.headline': () => 'Auf dem Rückweg zum Shop',
  'status.returning.happened': (c) => `${Der(c)} schickt Ihr Paket an den Shop zurück.`,
  'status.returning.next': () => 'Der Shop erhält es bald zurück.',
  'status.returning.todo': () => stillWant,

  'status.returned.headline': () => 'Zurück beim Shop',
  'status.returned.happened': (c) =>
    `${Der(c)} hat Ihr Paket${sp(c.time ? at(c.time) : '')} an den Shop zurückgeschickt.`,
  'status.returned.next': () => 'Zu diesem Paket kommen keine weiteren Neuigkeiten.',
  'status.returned.todo': () => stillWant,

  'status.cancelled.headline': () => 'Sendung storniert',
  'status.cancelled.happened': () => 'Diese Sendung wurde storniert und wird nicht zugestellt.',
  'status.cancelled.next': () => 'Zu dieser Sendung kommen keine weiteren Neuigkeiten.',
  'status.cancelled.todo': () => 'Falls Sie das nicht erwartet haben, wenden Sie sich an den Shop.',

  'problem.delayed.headline': () => 'Verspätet',
  'problem.delayed.happened': (c) => `${Der(c)} meldet, dass sich Ihr Paket verspätet.`,
  'problem.delayed.next': (c) => (c.eta ? '' : `${Der(c)} hat noch kein neues Lieferdatum genannt.`),
  'problem.delayed.todo': askCarrier,

  'problem.weather.headline': () => 'Wetterbedingte Verzögerung',
  'problem.weather.happened': () => 'Schlechtes Wetter verzögert Ihr Paket.',
  'problem.weather.next': (c) => (c.eta ? '' : 'Es geht weiter, sobald das Wetter es zulässt.'),
  'problem.weather.todo': askCarrier,

  'problem.failed_attempt.headline': () => 'Zustellversuch fehlgeschlagen',
  'problem.failed_attempt.happened': (c) => `${Der(c)} hat versucht, Ihr Paket zuzustellen, leider ohne Erfolg.`,
  'problem.failed_attempt.next': (c) =>
    c.action
      ? `${Der(c)} bewahrt es kurze Zeit auf und schickt es dann an den Shop zurück.`
      : `${Der(c)} versucht es meist am nächsten Werktag erneut.`,
  'problem.failed_attempt.todo': (c) => `Vereinbaren Sie mit ${dem(c)} eine neue Zustellung oder eine Abholung.`,

  'problem.address.headline': () => 'Problem mit der Adresse',
  'problem.address.happened': (c) =>
    c.action
      ? `${Der(c)} kann Ihr Paket an die angegebene Adresse nicht zustellen.`
      : `${Der(c)} hat ein Problem mit der Lieferadresse festgestellt und kümmert sich darum.`,
  'problem.address.next': (c) =>
    c.action
      ? 'Die Zustellung ruht, bis die Adresse korrigiert ist.'
      : `Die Zustellung geht weiter, sobald ${der(c)} die Adresse bestätigt hat.`,
  'problem.address.todo': (c) => `Wenden Sie sich an ${den(c)} oder an den Shop, um Ihre Lieferadresse zu korrigieren.`,

  'problem.customs.headline': () => 'Beim Zoll',
  'problem.customs.happened': () => 'Ihr Paket wartet auf die Zollabfertigung.',
  'problem.customs.next': (c) =>
    c.action
      ? `Der Zoll gibt es erst frei, wenn ${der(c)} die nötigen Angaben von Ihnen hat.`
      : 'Es geht weiter, sobald der Zoll es freigibt.',
  'problem.customs.todo': (c) => `Wenden Sie sich an ${den(c)}, um dem Zoll die nötigen Angaben zu machen.`,

  'problem.payment_due.headline': () => 'Zahlung erforderlich',
  'problem.payment_due.happened': () => 'Vor der Zustellung müssen Zoll oder Einfuhrabgaben bezahlt werden.',
  'problem.payment_due.next': (c) => `${Der(c)} stellt es zu, sobald die Zahlung eingegangen ist.`,
  'problem.payment_due.todo': (c) =>
    `Bezahlen Sie die Zölle und Steuern ${bei(c)}, damit Ihr Paket zugestellt werden kann.`,

  'problem.damaged.headline': () => 'Paket beschädigt',
  'problem.damaged.happened': (c) => `${Der(c)} meldet, dass Ihr Paket beschädigt ist.`,
  'problem.damaged.next': () => 'Der Shop kann Ihnen mit Ersatz oder einer Erstattung helfen.',
  'problem.damaged.todo': () => replaceOrRefund,

  'problem.lost.headline': () => 'Paket verloren',
  'problem.lost.happened': (c) => `${Der(c)} kann Ihr Paket nicht finden.`,
  'problem.lost.next': (c) => `${Der(c)} sucht weiter, aber es kann sein, dass es nicht wieder auftaucht.`,
  'problem.lost.todo': () => replaceOrRefund,

  'problem.held.headline': () => 'Angehalten',
  'problem.held.happened': (c) => `${Der(c)} hält Ihr Paket vorerst zurück.`,
  'problem.held.next': (c) =>
    c.action ? `Es bleibt liegen, bis Sie sich ${bei(c)} melden.` : `Es geht weiter, sobald ${der(c)} es freigibt.`,
  'problem.held.todo': (c) => `Wenden Sie sich an ${den(c)}, damit Ihr Paket freigegeben wird.`,

  'problem.refused.headline': () => 'Annahme verweigert',
  'problem.refused.happened': () => 'Die Annahme des Pakets wurde verweigert.',
  'problem.refused.next': (c) => `${Der(c)} schickt es an den Shop zurück.`,
  'problem.refused.todo': () => 'Wenn Sie Ihre Bestellung noch möchten, wenden Sie sich an den Shop.',

  'problem.stalled.headline': () => 'Keine neuen Meldungen',
  'problem.stalled.happened': () => 'Zu Ihrem Paket gibt es schon länger als üblich keine Neuigkeiten.',
  'problem.stalled.next': () =>
    'Oft geht es von allein weiter. Wenn sich in ein paar Tagen nichts tut, wenden Sie sich an den Shop.',
  'problem.stalled.todo': () => 'Fragen Sie beim Shop nach Ihrem Paket.',

  'problem.other.headline': (c) => (c.action ? 'Handlungsbedarf' : 'Problem bei der Zustellung'),
  'problem.other.happened': (c) => `${Der(c)} meldet ein Problem mit Ihrem Paket.`,
  'problem.other.next': (c) =>
    c.action ? 'Die Zustellung ruht vorerst.' : `Wir aktualisieren diese Seite, sobald ${der(c)} mehr mitteilt.`,
  'problem.other.todo': (c) => `Wenden Sie sich an ${den(c)}, um zu erfahren, was nötig ist.`,

  'generic.headline': () => 'Ihre Sendung',
  'generic.happened': (c) => `${Der(c)} kümmert sich um Ihr Paket.`,
  'generic.next': () => 'Wir aktualisieren diese Seite, sobald es Neuigkeiten gibt.',

  lastSeen: (c) => (c.place || c.time ? `Es wurde zuletzt ${where(c)} erfasst.` : ''),

  'eta.carrier': (c) => (c.eta ? `${Der(c)} stellt es voraussichtlich ${when(c.eta)} zu.${likely(c.eta)}` : ''),
  'eta.history': (c) => (c.eta ? `Nach bisherigen Lieferungen sollte es ${when(c.eta)} ankommen.${likely(c.eta)}` : ''),
  'eta.promise': (c) => (c.eta ? `Laut Shop sollte es ${when(c.eta)} ankommen.${likely(c.eta)}` : ''),
  'eta.passed': (c) => (c.due ? `Es wurde ${on(c.due)} erwartet.` : ''),
  'eta.late': (c) =>
    c.promised ? `Das ist später, als der Shop ursprünglich angegeben hat (${c.promised.range}).` : '',
};
