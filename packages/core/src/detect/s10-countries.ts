// The UPU S10 "Courier" lookup of jkeen/tracking_number_data v2.0.0 (couriers/s10.json): the country
// codes a national post issues S10 numbers under. An S10 number whose last two letters are not in this
// list is not valid, whatever its check digit says.
const codes =
  'AF AL DZ AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI KH CM CA CV CF TD CL CN HK ' +
  'CO KM CG CR HR CU CY CZ CI KP CD DK DJ DM DO EC EG SV GQ ER EE ET FJ FI FR GA GM GE DE GH GB GR GD GT GN GW ' +
  'GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT ' +
  'MR MU MX MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG NO OM PK PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS ' +
  'SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SZ SE CH SY TJ TZ TH MK TL TG TO TT TN TR TM TV UG UA ' +
  'AE US UY UZ VU VA VE VN YE ZM ZW';

// A 26 × 26 table indexed by the two letters, so the look-up allocates nothing.
const table = /* @__PURE__ */ buildTable();

function buildTable(): Uint8Array {
  const built = new Uint8Array(26 * 26);
  for (const code of codes.split(' ')) built[(code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65] = 1;
  return built;
}

/** Whether the two upper-case letters at `from` are a country with an S10-issuing post. */
export function isS10Country(s: string, from: number): boolean {
  return table[(s.charCodeAt(from) - 65) * 26 + s.charCodeAt(from + 1) - 65] === 1;
}
