/**
 * ISO 3166-1 alpha-3 codes for the features of Natural Earth's admin-0 countries as shipped by
 * `world-atlas` 2.x. The feature ids there are ISO 3166-1 NUMERIC codes as zero-padded strings
 * ("012" is Algeria). The table covers every id in `countries-50m.json` (a test checks it), not
 * just the Sahel-Sahara, so that a scenario may move its box anywhere without cells silently
 * turning into sea.
 *
 * Data notes (checked against the file, world-atlas 2.0.2):
 * - "036" appears twice: Australia and the Ashmore and Cartier Islands (an Australian
 *   territory). Both map to AUS and are merged into one country.
 * - "732" W. Sahara is ISO's own code ESH. In this Natural Earth edition, though, the W. Sahara
 *   feature is only the strip EAST of the Moroccan berm (about 91,000 km^2: Tifariti, Bir
 *   Lehlou); the Moroccan-administered west (Laayoune, Smara, Dakhla) is inside the MOROCCO
 *   feature. We keep ESH as its own country for that strip rather than folding it into MAR or
 *   inventing a boundary, so the grid follows de facto control and scenarios decide how ESH
 *   behaves (a peripheral state by default).
 * - Five features carry no id (see `ISO3_BY_NAME`).
 * - There is no Gibraltar feature at 50m; its few km^2 fall in Spain or the sea.
 */
export const ISO3_BY_NUMERIC: Readonly<Record<string, string>> = Object.freeze({
  '004': 'AFG', // Afghanistan
  '008': 'ALB', // Albania
  '010': 'ATA', // Antarctica
  '012': 'DZA', // Algeria
  '016': 'ASM', // American Samoa
  '020': 'AND', // Andorra
  '024': 'AGO', // Angola
  '028': 'ATG', // Antigua and Barb.
  '031': 'AZE', // Azerbaijan
  '032': 'ARG', // Argentina
  '036': 'AUS', // Australia / Ashmore and Cartier Is.
  '040': 'AUT', // Austria
  '044': 'BHS', // Bahamas
  '048': 'BHR', // Bahrain
  '050': 'BGD', // Bangladesh
  '051': 'ARM', // Armenia
  '052': 'BRB', // Barbados
  '056': 'BEL', // Belgium
  '060': 'BMU', // Bermuda
  '064': 'BTN', // Bhutan
  '068': 'BOL', // Bolivia
  '070': 'BIH', // Bosnia and Herz.
  '072': 'BWA', // Botswana
  '076': 'BRA', // Brazil
  '084': 'BLZ', // Belize
  '086': 'IOT', // Br. Indian Ocean Ter.
  '090': 'SLB', // Solomon Is.
  '092': 'VGB', // British Virgin Is.
  '096': 'BRN', // Brunei
  '100': 'BGR', // Bulgaria
  '104': 'MMR', // Myanmar
  '108': 'BDI', // Burundi
  '112': 'BLR', // Belarus
  '116': 'KHM', // Cambodia
  '120': 'CMR', // Cameroon
  '124': 'CAN', // Canada
  '132': 'CPV', // Cabo Verde
  '136': 'CYM', // Cayman Is.
  '140': 'CAF', // Central African Rep.
  '144': 'LKA', // Sri Lanka
  '148': 'TCD', // Chad
  '152': 'CHL', // Chile
  '156': 'CHN', // China
  '158': 'TWN', // Taiwan
  '170': 'COL', // Colombia
  '174': 'COM', // Comoros
  '178': 'COG', // Congo
  '180': 'COD', // Dem. Rep. Congo
  '184': 'COK', // Cook Is.
  '188': 'CRI', // Costa Rica
  '191': 'HRV', // Croatia
  '192': 'CUB', // Cuba
  '196': 'CYP', // Cyprus
  '203': 'CZE', // Czechia
  '204': 'BEN', // Benin
  '208': 'DNK', // Denmark
  '212': 'DMA', // Dominica
  '214': 'DOM', // Dominican Rep.
  '218': 'ECU', // Ecuador
  '222': 'SLV', // El Salvador
  '226': 'GNQ', // Eq. Guinea
  '231': 'ETH', // Ethiopia
  '232': 'ERI', // Eritrea
  '233': 'EST', // Estonia
  '234': 'FRO', // Faeroe Is.
  '238': 'FLK', // Falkland Is.
  '239': 'SGS', // S. Geo. and the Is.
  '242': 'FJI', // Fiji
  '246': 'FIN', // Finland
  '248': 'ALA', // Åland
  '250': 'FRA', // France
  '258': 'PYF', // Fr. Polynesia
  '260': 'ATF', // Fr. S. Antarctic Lands
  '262': 'DJI', // Djibouti
  '266': 'GAB', // Gabon
  '268': 'GEO', // Georgia
  '270': 'GMB', // Gambia
  '275': 'PSE', // Palestine
  '276': 'DEU', // Germany
  '288': 'GHA', // Ghana
  '296': 'KIR', // Kiribati
  '300': 'GRC', // Greece
  '304': 'GRL', // Greenland
  '308': 'GRD', // Grenada
  '316': 'GUM', // Guam
  '320': 'GTM', // Guatemala
  '324': 'GIN', // Guinea
  '328': 'GUY', // Guyana
  '332': 'HTI', // Haiti
  '334': 'HMD', // Heard I. and McDonald Is.
  '336': 'VAT', // Vatican
  '340': 'HND', // Honduras
  '344': 'HKG', // Hong Kong
  '348': 'HUN', // Hungary
  '352': 'ISL', // Iceland
  '356': 'IND', // India
  '360': 'IDN', // Indonesia
  '364': 'IRN', // Iran
  '368': 'IRQ', // Iraq
  '372': 'IRL', // Ireland
  '376': 'ISR', // Israel
  '380': 'ITA', // Italy
  '384': 'CIV', // Côte d'Ivoire
  '388': 'JAM', // Jamaica
  '392': 'JPN', // Japan
  '398': 'KAZ', // Kazakhstan
  '400': 'JOR', // Jordan
  '404': 'KEN', // Kenya
  '408': 'PRK', // North Korea
  '410': 'KOR', // South Korea
  '414': 'KWT', // Kuwait
  '417': 'KGZ', // Kyrgyzstan
  '418': 'LAO', // Laos
  '422': 'LBN', // Lebanon
  '426': 'LSO', // Lesotho
  '428': 'LVA', // Latvia
  '430': 'LBR', // Liberia
  '434': 'LBY', // Libya
  '438': 'LIE', // Liechtenstein
  '440': 'LTU', // Lithuania
  '442': 'LUX', // Luxembourg
  '446': 'MAC', // Macao
  '450': 'MDG', // Madagascar
  '454': 'MWI', // Malawi
  '458': 'MYS', // Malaysia
  '462': 'MDV', // Maldives
  '466': 'MLI', // Mali
  '470': 'MLT', // Malta
  '478': 'MRT', // Mauritania
  '480': 'MUS', // Mauritius
  '484': 'MEX', // Mexico
  '492': 'MCO', // Monaco
  '496': 'MNG', // Mongolia
  '498': 'MDA', // Moldova
  '499': 'MNE', // Montenegro
  '500': 'MSR', // Montserrat
  '504': 'MAR', // Morocco
  '508': 'MOZ', // Mozambique
  '512': 'OMN', // Oman
  '516': 'NAM', // Namibia
  '520': 'NRU', // Nauru
  '524': 'NPL', // Nepal
  '528': 'NLD', // Netherlands
  '531': 'CUW', // Curaçao
  '533': 'ABW', // Aruba
  '534': 'SXM', // Sint Maarten
  '540': 'NCL', // New Caledonia
  '548': 'VUT', // Vanuatu
  '554': 'NZL', // New Zealand
  '558': 'NIC', // Nicaragua
  '562': 'NER', // Niger
  '566': 'NGA', // Nigeria
  '570': 'NIU', // Niue
  '574': 'NFK', // Norfolk Island
  '578': 'NOR', // Norway
  '580': 'MNP', // N. Mariana Is.
  '583': 'FSM', // Micronesia
  '584': 'MHL', // Marshall Is.
  '585': 'PLW', // Palau
  '586': 'PAK', // Pakistan
  '591': 'PAN', // Panama
  '598': 'PNG', // Papua New Guinea
  '600': 'PRY', // Paraguay
  '604': 'PER', // Peru
  '608': 'PHL', // Philippines
  '612': 'PCN', // Pitcairn Is.
  '616': 'POL', // Poland
  '620': 'PRT', // Portugal
  '624': 'GNB', // Guinea-Bissau
  '626': 'TLS', // Timor-Leste
  '630': 'PRI', // Puerto Rico
  '634': 'QAT', // Qatar
  '642': 'ROU', // Romania
  '643': 'RUS', // Russia
  '646': 'RWA', // Rwanda
  '652': 'BLM', // St-Barthélemy
  '654': 'SHN', // Saint Helena
  '659': 'KNA', // St. Kitts and Nevis
  '660': 'AIA', // Anguilla
  '662': 'LCA', // Saint Lucia
  '663': 'MAF', // St-Martin
  '666': 'SPM', // St. Pierre and Miquelon
  '670': 'VCT', // St. Vin. and Gren.
  '674': 'SMR', // San Marino
  '678': 'STP', // São Tomé and Principe
  '682': 'SAU', // Saudi Arabia
  '686': 'SEN', // Senegal
  '688': 'SRB', // Serbia
  '690': 'SYC', // Seychelles
  '694': 'SLE', // Sierra Leone
  '702': 'SGP', // Singapore
  '703': 'SVK', // Slovakia
  '704': 'VNM', // Vietnam
  '705': 'SVN', // Slovenia
  '706': 'SOM', // Somalia
  '710': 'ZAF', // South Africa
  '716': 'ZWE', // Zimbabwe
  '724': 'ESP', // Spain
  '728': 'SSD', // S. Sudan
  '729': 'SDN', // Sudan
  '732': 'ESH', // W. Sahara
  '740': 'SUR', // Suriname
  '748': 'SWZ', // eSwatini
  '752': 'SWE', // Sweden
  '756': 'CHE', // Switzerland
  '760': 'SYR', // Syria
  '762': 'TJK', // Tajikistan
  '764': 'THA', // Thailand
  '768': 'TGO', // Togo
  '776': 'TON', // Tonga
  '780': 'TTO', // Trinidad and Tobago
  '784': 'ARE', // United Arab Emirates
  '788': 'TUN', // Tunisia
  '792': 'TUR', // Turkey
  '795': 'TKM', // Turkmenistan
  '796': 'TCA', // Turks and Caicos Is.
  '800': 'UGA', // Uganda
  '804': 'UKR', // Ukraine
  '807': 'MKD', // Macedonia
  '818': 'EGY', // Egypt
  '826': 'GBR', // United Kingdom
  '831': 'GGY', // Guernsey
  '832': 'JEY', // Jersey
  '833': 'IMN', // Isle of Man
  '834': 'TZA', // Tanzania
  '840': 'USA', // United States of America
  '850': 'VIR', // U.S. Virgin Is.
  '854': 'BFA', // Burkina Faso
  '858': 'URY', // Uruguay
  '860': 'UZB', // Uzbekistan
  '862': 'VEN', // Venezuela
  '876': 'WLF', // Wallis and Futuna Is.
  '882': 'WSM', // Samoa
  '887': 'YEM', // Yemen
  '894': 'ZMB', // Zambia
});

/**
 * Features that have no ISO numeric id in Natural Earth, keyed by their `name` property. ISO
 * 3166 gives none of them a code, so each goes to the state that holds it de jure or
 * administers it -- except Kosovo, which takes XKX, the user-assigned code the EU, IMF and
 * SWIFT use, because folding it into Serbia would misstate who governs it. None of these lies
 * near the Sahel-Sahara; the choice only matters for boxes elsewhere.
 */
export const ISO3_BY_NAME: Readonly<Record<string, string>> = Object.freeze({
  Somaliland: 'SOM', // de jure part of Somalia
  Kosovo: 'XKX', // user-assigned code (EU, IMF)
  'N. Cyprus': 'CYP', // de jure part of Cyprus
  'Indian Ocean Ter.': 'AUS', // Christmas Island and the Cocos (Keeling) Islands, Australian territories
  'Siachen Glacier': 'IND', // disputed with Pakistan, administered by India
});

/** The ISO3 code of a Natural Earth feature, or undefined when neither table knows it. */
export function iso3Of(id: string | number | undefined, name: string | undefined): string | undefined {
  // Numeric ids are zero-padded strings in the file; accept a bare number too.
  if (id !== undefined) return ISO3_BY_NUMERIC[typeof id === 'number' ? String(id).padStart(3, '0') : id];
  return name === undefined ? undefined : ISO3_BY_NAME[name];
}
