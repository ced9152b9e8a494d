import type { DateRangeText, DayText, MessageContext as C, Messages, TimeText } from './types.js';

const who = (c: C) => c.carrier || 'le transporteur';
const Who = (c: C) => c.carrier || 'Le transporteur';
const on = (d: DayText) => (d.relative ? d.text : `le ${d.text}`);
const at = (t: TimeText) => (t.time ? `${on(t)} à ${t.time}` : on(t));
const when = (d: DateRangeText) =>
  d.window
    ? `entre le ${d.from.text} et le ${d.to.text}` + (d.likely ? `, probablement ${on(d.likely)}` : '')
    : on(d.from);
const where = (c: C) => [c.place && `à ${c.place}`, c.time && at(c.time)].filter(Boolean).join(', ');
const sp = (text: string) => (text ? ` ${text}` : '');
const askCarrier = (c: C) => `Contactez ${who(c)} pour savoir ce que vous devez faire.`;
const replaceOrRefund = 'Contactez la boutique pour obtenir un remplacement ou un remboursement.';
const stillWant =
  'Si vous souhaitez toujours votre commande, contactez la boutique pour un nouvel envoi ou un remboursement.';

export const fr: Messages = {
  'status.pending.headline': () => 'En attente de la première mise à jour',
  'status.pending.happened': (c) => `Nous avons votre numéro de suivi, mais ${who(c)} n’a encore rien communiqué.`,
  'status.pending.next': (c) => `Les mises à jour apparaîtront ici dès que ${who(c)} aura scanné votre colis.`,

  'status.info_received.headline': () => 'Prêt à partir',
  'status.info_received.happened': (c) =>
    `La boutique a préparé votre colis. ${Who(c)} ne l’a pas encore pris en charge.`,
  'status.info_received.next': (c) => `Dès que ${who(c)} l’aura pris en charge, vous pourrez le suivre ici.`,

  'status.in_transit.headline': () => 'En route',
  'status.in_transit.happened': (c) => `Votre colis est en route avec ${who(c)}.`,
  'status.in_transit.next': (c) =>
    c.eta ? '' : `Nous afficherons une date de livraison dès que ${who(c)} en communiquera une.`,

  'status.out_for_delivery.headline': () => 'En cours de livraison',
  'status.out_for_delivery.happened': (c) =>
    `${Who(c)} a chargé votre colis dans un véhicule de livraison${sp(where(c))}.`,
  'status.out_for_delivery.next': (c) =>
    c.time && !c.time.today ? 'Il devrait arriver bientôt.' : 'Il devrait arriver dans la journée.',

  'status.available_for_pickup.headline': () => 'Prêt à être retiré',
  'status.available_for_pickup.happened': (c) =>
    `Votre colis vous attend dans un point de retrait${sp(c.place && `à ${c.place}`)}.`,
  'status.available_for_pickup.next': () =>
    'Les points de retrait gardent les colis pendant une durée limitée, puis les renvoient à la boutique.',
  'status.available_for_pickup.todo': (c) =>
    `Retirez votre colis au point de retrait${sp(c.place && `à ${c.place}`)} avant qu’il ne soit renvoyé.`,

  'status.delivered.headline': () => 'Livré',
  'status.delivered.happened': (c) => `${Who(c)} a livré votre colis${sp(c.time ? at(c.time) : '')}.`,
  'status.delivered.next': () =>
    'La livraison est terminée. Vous ne le trouvez pas\u202f? Regardez autour de votre porte et demandez à vos voisins.',

  'collected.headline': () => 'Retiré',
  'collected.happened': (c) => `Votre colis a été retiré au point de retrait${sp(where(c))}.`,
  'collected.next': () =>
    'La livraison est terminée. Si ce n’est pas vous qui l’avez retiré, renseignez-vous auprès du point de retrait.',

  'status.returning.headline': () => 'En retour vers la boutique',
  'status.returning.happened': (c) => `${Who(c)} renvoie votre colis à la boutique.`,
  'status.returning.next': () => 'La boutique le récupérera bientôt.',
  'status.returning.todo': () => stillWant,

  'status.returned.headline': () => 'Retourné à la boutique',
  'status.returned.happened': (c) => `${Who(c)} a renvoyé votre colis à la boutique${sp(c.time ? at(c.time) : '')}.`,
  'status.returned.next': () => 'Aucune autre mise à jour n’est prévue pour ce colis.',
  'status.returned.todo': () => stillWant,

  'status.cancelled.headline': () => 'Envoi annulé',
  'status.cancelled.happened': (c) => `Cet envoi a été annulé, ${who(c)} ne le livrera donc pas.`,
  'status.cancelled.next': () => 'Aucune autre mise à jour n’est prévue pour cet envoi.',
  'status.cancelled.todo': () => 'Si vous ne vous y attendiez pas, contactez la boutique.',

  'problem.delayed.headline': () => 'En retard',
  'problem.delayed.happened': (c) => `${Who(c)} signale que votre colis a du retard.`,
  'problem.delayed.next': (c) => (c.eta ? '' : `${Who(c)} n’a pas encore communiqué de nouvelle date de livraison.`),
  'problem.delayed.todo': askCarrier,

  'problem.weather.headline': () => 'Retardé par la météo',
  'problem.weather.happened': () => 'Le mauvais temps ralentit votre colis.',
  'problem.weather.next': (c) => (c.eta ? '' : 'Il repartira dès que les conditions le permettront.'),
  'problem.weather.todo': askCarrier,

  'problem.failed_attempt.headline': () => 'Tentative de livraison manquée',
  'problem.failed_attempt.happened': (c) => `${Who(c)} a essayé de livrer votre colis, sans succès.`,
  'problem.failed_attempt.next': (c) =>
    c.action
      ? `${Who(c)} le gardera peu de temps, puis le renverra à la boutique.`
      : `${Who(c)} fait généralement une nouvelle tentative le jour ouvré suivant.`,
  'problem.failed_attempt.todo': (c) => `Organisez une nouvelle livraison ou un retrait avec ${who(c)}.`,

  'problem.address.headline': () => 'Problème d’adresse',
  'problem.address.happened': (c) =>
    c.action
      ? `${Who(c)} ne peut pas livrer votre colis à l’adresse dont il dispose.`
      : `${Who(c)} a repéré un problème d’adresse et cherche à le résoudre.`,
  'problem.address.next': (c) =>
    c.action
      ? 'La livraison est suspendue jusqu’à la correction de l’adresse.'
      : `La livraison reprendra dès que ${who(c)} aura confirmé l’adresse.`,
  'problem.address.todo': (c) => `Contactez ${who(c)} ou la boutique pour corriger votre adresse de livraison.`,

  'problem.customs.headline': () => 'Retenu en douane',
  'problem.customs.happened': () => 'Votre colis attend son dédouanement.',
  'problem.customs.next': (c) =>
    c.action
      ? `La douane ne le libérera pas tant que ${who(c)} n’aura pas reçu les informations nécessaires de votre part.`
      : 'Il reprendra sa route dès que la douane l’aura libéré.',
  'problem.customs.todo': (c) => `Contactez ${who(c)} pour fournir à la douane les informations demandées.`,

  'problem.payment_due.headline': () => 'Paiement requis',
  'problem.payment_due.happened': () =>
    'Des droits de douane ou des taxes doivent être payés avant la livraison de votre colis.',
  'problem.payment_due.next': (c) => `${Who(c)} le livrera dès que le paiement sera effectué.`,
  'problem.payment_due.todo': (c) =>
    `Réglez les droits et taxes demandés par ${who(c)} pour que votre colis puisse être livré.`,

  'problem.damaged.headline': () => 'Colis endommagé',
  'problem.damaged.happened': (c) => `${Who(c)} signale que votre colis est endommagé.`,
  'problem.damaged.next': () => 'La boutique peut vous aider avec un remplacement ou un remboursement.',
  'problem.damaged.todo': () => replaceOrRefund,

  'problem.lost.headline': () => 'Colis perdu',
  'problem.lost.happened': (c) => `${Who(c)} ne retrouve pas votre colis.`,
  'problem.lost.next': (c) => `${Who(c)} continue de le chercher, mais il se peut qu’il ne soit pas retrouvé.`,
  'problem.lost.todo': () => replaceOrRefund,

  'problem.held.headline': () => 'En attente',
  'problem.held.happened': (c) => `${Who(c)} retient votre colis pour le moment.`,
  'problem.held.next': (c) =>
    c.action
      ? `Il restera bloqué tant que vous n’aurez pas contacté ${who(c)}.`
      : `Il reprendra sa route dès que ${who(c)} le libérera.`,
  'problem.held.todo': (c) => `Contactez ${who(c)} pour faire débloquer votre colis.`,

  'problem.refused.headline': () => 'Livraison refusée',
  'problem.refused.happened': () => 'La livraison du colis a été refusée.',
  'problem.refused.next': (c) => `${Who(c)} va le renvoyer à la boutique.`,
  'problem.refused.todo': () => 'Si vous souhaitez toujours votre commande, contactez la boutique.',

  'problem.stalled.headline': () => 'Pas de nouvelles récentes',
  'problem.stalled.happened': () => 'Aucune nouvelle de votre colis depuis plus longtemps que d’habitude.',
  'problem.stalled.next': () =>
    'Souvent, les colis repartent d’eux-mêmes. Si rien ne change d’ici quelques jours, contactez la boutique.',
  'problem.stalled.todo': () => 'Contactez la boutique pour vous renseigner sur votre colis.',

  'problem.other.headline': (c) => (c.action ? 'Action requise' : 'Problème de livraison'),
  'problem.other.happened': (c) => `${Who(c)} signale un problème avec votre colis.`,
  'problem.other.next': (c) =>
    c.action
      ? 'La livraison est suspendue pour le moment.'
      : `Nous mettrons cette page à jour dès que ${who(c)} en dira plus.`,
  'problem.other.todo': (c) => `Contactez ${who(c)} pour savoir ce qu’il faut faire.`,

  'generic.headline': () => 'Suivi de votre colis',
  'generic.happened': (c) => `${Who(c)} s’occupe de votre colis.`,
  'generic.next': () => 'Nous mettrons cette page à jour dès qu’il y aura du nouveau.',

  lastSeen: (c) => (c.place || c.time ? `Il a été scanné pour la dernière fois ${where(c)}.` : ''),

  'eta.carrier': (c) => (c.eta ? `${Who(c)} prévoit de le livrer ${when(c.eta)}.` : ''),
  'eta.history': (c) => (c.eta ? `D’après les livraisons récentes, il devrait arriver ${when(c.eta)}.` : ''),
  'eta.promise': (c) => (c.eta ? `Selon la boutique, il devrait arriver ${when(c.eta)}.` : ''),
  'eta.passed': (c) => (c.due ? `Il était attendu ${on(c.due)}.` : ''),
  'eta.late': (c) => (c.promised ? `C’est plus tard que ce que la boutique avait annoncé (${c.promised.range}).` : ''),
};
