// Word lists the extractors and the matcher rely on. General English and news conventions only:
// nothing here names a person, place or event of any particular article.

export const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet if then than as of to in on at by for from with within without into onto upon ' +
    'about above after against along among around before behind below beneath beside between beyond during except ' +
    'inside outside over past since through throughout till toward towards under until up down off out via per ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'this that these those which who whom whose what when where why how whatever whoever ' +
    'is am are was were be been being do does did done doing have has had having ' +
    'will would shall should can could may might must ought ' +
    'not no also just only even still very too much many more most some any each every all both either neither ' +
    'there here again ever once one s t ll re ve d tell please know ask asked'
  ).split(/\s+/),
);

/** Fillers that carry no content in a question, beside the STOP_WORDS (which hold the question words). */
export const QUESTION_FILLER = new Set(['exactly', 'kind', 'sort']);

/**
 * Words that shape a question without naming what it is about ("which areas", "first noticed"):
 * they count, but little, so their absence from the article does not sink an answer.
 */
export const SOFT_WORDS = new Set(
  'happen happens happened worth value get gets got getting respond responded react reacted reply replied feel felt think thought first second third last ever area areas thing things kind kinds type types way ways work works part parts aspect aspects number amount name exactly originally initially eventually finally new old big large much many long'.split(' '),
);

/**
 * Phrasal verbs and the one word that means the same, so that "came across" meets "found" and
 * "tipped off" meets "alerted" (question and article are read alike). Base forms; "into" and "in"
 * both count where both are said.
 */
export const PHRASAL_VERBS: ReadonlyMap<string, string> = new Map([
  ['come across', 'find'],
  ['find out', 'discover'],
  ['tip off', 'alert'],
  ['walk out', 'leave'],
  ['pull out', 'withdraw'],
  ['drop out', 'withdraw'],
  ['step down', 'resign'],
  ['read out', 'announce'],
  ['take part', 'participate'],
  ['sign up', 'join'],
  ['go into', 'enter'],
  ['break in', 'burgle'],
  ['break into', 'burgle'],
  ['pass away', 'die'],
  ['carry out', 'conduct'],
  ['call off', 'cancel'],
  ['put out', 'extinguish'],
  ['blow up', 'explode'],
  ['come down', 'fall'],
  ['look into', 'investigate'],
  ['set up', 'establish'],
  ['shut down', 'close'],
  ['hand over', 'give'],
  ['turn down', 'reject'],
  ['hold up', 'delay'],
  ['point out', 'note'],
]);

/**
 * Words a person may use for what the article says another way. Each group is matched as one
 * meaning, at a lower weight than the word itself. One group per meaning: a word is in two only
 * when it has two meanings, each measured ("start" a fire / "start" to begin: merged, the real set
 * answered one more question wrongly; "win" a game / "win" an award: merged, one fewer right).
 * Entries are stemmed, so one that stems like another word speaks for it: "treaty" (stem "treat")
 * made "hospital" a synonym of "pact", "carry" (stem "car") made "car" one of "cargo"; both went.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['fire', 'blaze', 'flames', 'arson', 'burn'],
  ['start', 'set', 'ignite', 'spark', 'cause'],
  ['collapse', 'break', 'crumble', 'slide', 'landslide', 'fall'],
  ['warn', 'tell', 'alert', 'caution', 'inform', 'advise', 'notify'],
  ['notice', 'report', 'spot', 'discover', 'find', 'detect', 'see', 'observe', 'identify', 'recover'],
  ['arrest', 'detain', 'custody', 'apprehend'],
  ['meet', 'talk', 'summit', 'conversation', 'gather', 'convene', 'assemble', 'congregate', 'rally', 'session'],
  ['say', 'state', 'tell', 'add', 'comment', 'remark', 'note', 'claim', 'declare', 'announce', 'speak', 'talk'],
  ['kill', 'die', 'dead', 'death', 'fatal', 'fatality'],
  ['injure', 'hurt', 'wound', 'wounded'],
  ['propose', 'suggest', 'offer', 'plan'],
  ['spokesperson', 'spokeswoman', 'spokesman', 'spokesmen', 'spokespeople', 'representative'],
  ['lawyer', 'attorney', 'counsel', 'solicitor', 'barrister', 'advocate'],
  ['police', 'officer', 'detective', 'sergeant', 'constable', 'inspector', 'policeman', 'policewoman'],
  ['doctor', 'physician', 'surgeon', 'dr'],
  ['company', 'firm', 'business', 'corporation', 'group', 'employer'],
  ['chairman', 'chair', 'chairwoman', 'chairperson'],
  ['boss', 'head', 'chief', 'director', 'leader', 'manager', 'executive', 'ceo', 'president'],
  ['buy', 'purchase', 'acquire', 'acquisition', 'takeover', 'pay'],
  ['sell', 'sale'],
  ['reopen', 'open'],
  ['close', 'shut', 'closure', 'halt', 'suspend'],
  ['sentence', 'jail', 'prison', 'term'],
  ['convict', 'guilty', 'verdict'],
  ['acquit', 'clear'],
  ['employ', 'employee', 'staff', 'worker', 'workforce', 'job', 'hire'],
  ['cost', 'price', 'pay', 'spend', 'fund', 'budget', 'expense', 'fee', 'sum', 'payment'],
  ['damage', 'destroy', 'wreck', 'ruin', 'devastate', 'hit', 'strike', 'tear', 'sweep', 'batter', 'slam', 'ravage', 'engulf', 'flood', 'inundate'],
  ['win', 'victory', 'beat', 'triumph'],
  ['lose', 'defeat', 'loss'],
  ['sign', 'approve', 'pass', 'enact', 'ratify'],
  ['resign', 'quit', 'step', 'leave', 'depart', 'departure'],
  ['appoint', 'name', 'nominate', 'hire', 'select', 'choose'],
  ['end', 'finish', 'conclude', 'complete'],
  ['increase', 'raise', 'rise', 'grow', 'boost', 'hike', 'expand', 'more', 'jump', 'climb', 'soar', 'surge', 'gain'],
  ['decrease', 'cut', 'reduce', 'lower', 'drop', 'decline', 'shrink', 'slash', 'slump', 'tumble', 'plunge', 'dip', 'sink'],
  ['treat', 'hospital', 'hospitalise', 'hospitalize'],
  ['arrive', 'reach', 'sail', 'return', 'land'],
  ['fan', 'supporter', 'crowd', 'spectator', 'attendance', 'audience', 'onlooker'],
  ['score', 'result', 'scoreline', 'goal'],
  ['save', 'rescue', 'salvage', 'preserve'],
  ['donate', 'donor', 'contribute', 'gift'],
  ['percent', 'percentage', 'proportion', 'share', 'rate'],
  ['start', 'begin', 'commence', 'open', 'launch', 'kick'],
  ['use', 'handle', 'adopt', 'rely'],
  ['release', 'discharge', 'free'],
  ['live', 'resident', 'reside', 'home'],
  ['move', 'relocate', 'transfer', 'shift', 'evacuate', 'take'],
  ['ask', 'request', 'seek', 'demand', 'call', 'urge', 'question', 'press', 'quiz', 'grill'],
  ['refuse', 'decline', 'reject', 'deny', 'dismiss'],
  ['cooperate', 'collaborate', 'partner', 'partnership', 'work'],
  ['call', 'describe', 'label', 'term', 'characterise', 'characterize', 'dub', 'name'],
  ['purpose', 'aim', 'goal', 'objective', 'intend', 'reason'],
  ['respond', 'response', 'reply', 'answer', 'react'],
  ['accuracy', 'accurate', 'true', 'confirm', 'verify', 'corroborate'],
  ['deliberate', 'consider', 'discuss'],
  ['testify', 'testimony', 'witness', 'evidence'],
  ['judge', 'justice', 'magistrate', 'court'],
  ['jury', 'juror'],
  ['protester', 'demonstrator', 'crowd'],
  ['build', 'construct', 'erect'],
  ['announce', 'declare', 'unveil', 'reveal', 'issue', 'release', 'publish'],
  ['fail', 'failure', 'malfunction', 'crash', 'lose'],
  ['land', 'touch', 'touchdown'],
  ['birth', 'born'],
  ['mayor', 'municipality', 'council'],
  ['minister', 'secretary', 'ministry'],
  ['scientist', 'researcher', 'expert', 'scholar', 'academic'],
  ['study', 'research', 'report', 'paper', 'survey', 'analysis'],
  ['crack', 'fracture', 'split'],
  ['storm', 'hurricane', 'typhoon', 'cyclone', 'gale'],
  ['quake', 'earthquake', 'tremor', 'seismic'],
  ['wave', 'tsunami', 'surge'],
  ['vote', 'ballot', 'election', 'poll'],
  ['money', 'cash', 'funds', 'dollars', 'euros', 'pounds'],
  ['car', 'vehicle', 'truck', 'pickup', 'van'],
  ['home', 'house', 'residence', 'property'],
  ['town', 'village', 'city', 'municipality', 'community'],
  ['child', 'kid', 'minor', 'boy', 'girl'],
  ['agree', 'deal', 'accord', 'pact', 'contract'],
  ['investigate', 'probe', 'inquiry', 'examine'],
  ['accuse', 'allege', 'charge', 'blame'],
  ['delete', 'erase', 'remove', 'wipe'],
  ['message', 'text', 'email', 'sms'],
  ['leak', 'disclose', 'reveal', 'publish'],
  ['obtain', 'get', 'receive', 'acquire'],
  ['criticise', 'criticize', 'criticism', 'condemn', 'attack'],
  ['sanction', 'penalty', 'embargo'],
  ['restore', 'reinstate', 'renew', 'resume', 'reestablish'],
  ['win', 'award'],
  ['open', 'launch', 'inaugurate', 'unveil'],
  ['fine', 'penalty', 'penalise', 'penalize'],
  ['sue', 'lawsuit', 'litigation'],
  ['steal', 'theft', 'rob', 'robbery', 'burgle', 'burglary'],
  ['crash', 'collide', 'collision', 'accident', 'derail'],
  ['search', 'hunt', 'look'],
  ['cancel', 'scrap', 'postpone', 'call'],
  ['delay', 'postpone', 'late'],
  ['meal', 'dinner', 'lunch', 'supper'],
  ['lab', 'laboratory'],
  ['sick', 'ill', 'unwell', 'illness', 'sickness'],
  ['professor', 'prof', 'lecturer', 'academic'],
  ['plane', 'aircraft', 'jet', 'airliner'],
  ['prepare', 'make', 'cook'],
  ['ban', 'prohibit', 'outlaw', 'bar'],
  ['travel', 'visit', 'journey', 'trip'],
  ['marry', 'wed', 'husband', 'wife'],
  ['transport', 'haul', 'load', 'cargo'],
  ['explosion', 'blast', 'explode', 'detonate'],
  ['shooting', 'gunfire', 'gunman'],
  ['attack', 'assault', 'raid', 'ambush'],
];

/** Honorifics and titles that stand before a name. */
export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother judge justice mayor master ' +
    'president vice-president premier chancellor minister secretary senator sen rep representative governor gov ' +
    'ambassador general gen colonel col major maj captain capt lieutenant lt sergeant sgt corporal cpl private admiral ' +
    'commander cmdr officer detective det inspector insp superintendent supt constable chief deputy king queen prince ' +
    'princess sheikh pope cardinal bishop rabbi imam coach councillor councilor alderman commissioner chairman ' +
    'chairwoman director speaker attorney prosecutor sheriff marshal agent pastor nurse'
  ).split(' '),
);

/**
 * Nouns that name a role or job. A run of words before a name ending in one of these is a title
 * ("security guard Daniel Okafor"); a description matching one finds the person.
 */
export const ROLE_NOUNS = new Set(
  (
    'spokeswoman spokesman spokesperson spokespeople attorney lawyer counsel solicitor barrister judge justice guard ' +
    'investigator officer detective sergeant inspector constable chief president minister secretary director manager ' +
    'engineer scientist geologist professor researcher analyst economist mayor governor senator representative ' +
    'ambassador diplomat official chairman chairwoman chair ceo founder owner reporter correspondent editor journalist ' +
    'writer author witness prosecutor defendant victim suspect doctor nurse surgeon physician teacher student coach ' +
    'player captain striker goalkeeper driver pilot farmer fisherman resident neighbour neighbor hiker ' +
    'climber tourist worker employee head leader commander general colonel admiral adviser advisor ' +
    'consultant expert specialist historian lecturer dean principal superintendent commissioner councillor councilor ' +
    'treasurer auditor accountant banker trader executive vice-president partner shareholder investor activist ' +
    'organiser organizer campaigner volunteer firefighter paramedic ranger warden curator architect designer ' +
    'developer programmer chemist biologist physicist astronomer meteorologist forecaster seismologist volcanologist ' +
    'climatologist oceanographer ecologist epidemiologist virologist psychologist psychiatrist pharmacist dentist ' +
    'veterinarian vet lawmaker legislator premier chancellor king queen prince princess monarch envoy negotiator ' +
    'mediator inspector-general marshal sheriff agent operative soldier sailor veteran guardian parent mother father ' +
    'son daughter brother sister wife husband widow uncle aunt cousin brother-in-law sister-in-law friend colleague ' +
    'boss deputy assistant aide clerk registrar secretary-general director-general chief-executive presenter host ' +
    'anchor commentator columnist photographer producer actor actress singer musician artist novelist poet ' +
    'entrepreneur businessman businesswoman landlord tenant homeowner shopkeeper operator proprietor ' +
    'contractor builder electrician plumber mechanic technician inventor mp mep candidate nominee incumbent ' +
    'challenger opponent rival ally spokesman-for head-of priest pastor bishop rabbi imam monk nun foreman ' +
    'juror jurors chairperson president-elect coordinator supervisor administrator controller ' +
    'strategist planner scout referee umpire athlete runner cyclist swimmer champion winner finalist member delegate ' +
    'trustee fellow co-founder cofounder headteacher headmaster headmistress paediatrician pediatrician midwife rescuer ' +
    'emissary rector provost'
  ).split(' '),
);

/** Words for people, groups of people and pronouns for them that neither ROLE_NOUNS nor a suffix (-er, -ist, -man) gives away. */
export const PEOPLE_WORDS: ReadonlySet<string> = new Set(
  (
    'crowd crowds community family families couple children kids youths fans gang mob jury panel ' +
    'audience public staff crew squad unit side citizens locals pupils ' +
    'guests troops shepherd chef cook gp medic ' +
    'medics child boy girl baby youth adult adults ' +
    'individual passer-by passerby citizen heir ' +
    'thief thieves burglar burglars source sources nanny maid vicar clergy ' +
    'many some several most few everyone someone somebody nobody all'
  ).split(' '),
);

/** A final word that makes a capitalised run an organisation. */
export const ORGANISATION_WORDS = new Set(
  (
    'department ministry court institute institution centre center university college school academy hospital clinic ' +
    'council parliament congress senate assembly committee commission agency authority office bureau service ' +
    'services police force army navy corps party union association federation foundation fund trust bank company ' +
    'corporation corp inc ltd llc plc group holdings partners industries provisions foods systems technologies ' +
    'solutions airlines airways motors energy capital logistics pharmaceuticals labs laboratory laboratories media ' +
    'network networks news times post herald courier journal gazette tribune telegraph chronicle guardian observer ' +
    'letters review magazine press radio television tv broadcasting club team fc united board cabinet administration ' +
    'government secretariat directorate society church mosque temple museum library observatory station ' +
    'prison jail brigade battalion regiment division command alliance coalition organisation organization ' +
    'initiative programme program project exchange market markets house rovers rangers wanderers athletic albion city-fc hotspur orchestra choir band'
  ).split(' '),
);

/** A final word that makes a capitalised run a place. */
export const PLACE_WORDS = new Set(
  (
    'states county city town village district province state region republic kingdom island islands isle peninsula bay ' +
    'gulf sea ocean river lake fjord mountain mountains mount mt valley hill hills park street st road avenue ave ' +
    'boulevard square bridge harbour harbor port airport coast beach forest desert plain plains canyon glacier ' +
    'strait channel canal estate quarter borough heights falls springs creek point cape highway motorway lane stadium arena heath moor green common marsh wood woods field fields gardens terrace crescent close way row dam reservoir basin delta mill factory works yard wharf quay pier dock hall'
  ).split(' '),
);

/** Common nouns that make a locative phrase a place ("at the courtroom", "to a sheltered bay"). */
export const PLACE_NOUNS = new Set(
  (
    'courtroom courthouse court hospital clinic school gymnasium gym bay harbour harbor port quay pier dock park ' +
    'building house home apartment flat office headquarters hq station airport village town city capital country ' +
    'region area district neighbourhood neighborhood street road avenue square bridge border coast shore beach ' +
    'island mountain hill valley river lake fjord sea ocean field farm factory plant warehouse depot store shop ' +
    'mall market restaurant cafe bar hotel guesthouse church mosque temple cemetery stadium arena hall theatre ' +
    'theater museum library university campus college summit dinner ceremony conference meeting rally camp base ' +
    'webpage blog forum platform ' +
    'prison jail cell site scene room lobby parking garage tunnel mine well forest woods jungle desert embassy ' +
    'consulate parliament chamber palace residence ministry department premises compound facility laboratory lab ' +
    'centre center venue location spot floor slope peak coastline shelter tent hangar track course ' +
    'circuit pitch ground grounds studio zone quarter suburb county state province territory continent'
  ).split(' '),
);

/** Nouns after "in/into/at" that are not places ("taken into custody", "in general terms"). */
export const NOT_PLACE_NOUNS = new Set(
  (
    'custody evidence terms general particular fact addition part effect force power charge touch contact ' +
    'response return kind total turn time times order advance case place question line favour favor support ' +
    'opposition danger trouble debt doubt talks relation relations account practice theory principle ' +
    'public private person secret detail short brief common control command court-martial ' +
    'authorities authority officials sources figures data statement report reports police investigators researchers experts witnesses'
  ).split(' '),
);

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);
/** "January|February|…|December" as written, for patterns: one list of months, not one per pattern. */
export const MONTH_PATTERN = MONTHS.map(capitalised).join('|');
/** "Sunday|Monday|…|Saturday" as written, for patterns. */
export const WEEKDAY_PATTERN = WEEKDAYS.map(capitalised).join('|');

/**
 * Verbs that only say an event was set somewhere or at some time ("where was the final played",
 * "when was the summit held"): the event is the rest of the question. Base forms; the callers
 * compare stems, so every form counts. One list for match.ts's passive questions and where.ts.
 */
export const SETTING_VERBS: ReadonlySet<string> = new Set(
  'play hold stage host locate base situate house schedule organise organize'.split(' '),
);

/** Verbs that attribute speech ("she said", "according to"). */
export const SPEECH_VERBS = new Set(
  (
    'said says say told tells added adds asked asks argued argues explained explains noted notes wrote writes ' +
    'stated states warned warns insisted insists replied replies recalled recalls testified testifies ' +
    'acknowledged acknowledges admitted admits claimed claims continued continues declared declares remarked ' +
    'responded responds conceded concedes cautioned cautions suggested suggests maintained maintains ' +
    'announced announces confirmed confirms countered counters urged urges observed observes pointed ' +
    'stressed stresses emphasised emphasized predicted predicts shouted shouts whispered ' +
    'tweeted posted commented comments complained complains boasted joked jokes promised promises vowed vows'
  ).split(' '),
);

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12, dozens: 24, hundreds: 200, thousands: 2000,
  millions: 2e6, billions: 2e9,
};
/** The number words as a pattern ("zero|one|…|billions"): one list for every pattern that reads a count. */
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join('|');

/** Countries, regions and nationality words, so a lone capitalised word is not taken for a person. */
export const COUNTRIES_AND_NATIONALITIES = new Set(
  (
    'afghanistan albania algeria america american americans andorra angola argentina armenia australia austria ' +
    'azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana ' +
    'brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia congo croatia cuba ' +
    'cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland ' +
    'france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary ' +
    'iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea ' +
    'kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg ' +
    'madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia ' +
    'montenegro morocco mozambique myanmar namibia nauru nepal netherlands zealand nicaragua niger nigeria norway ' +
    'oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda ' +
    'samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland ' +
    'syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ' +
    'ukraine emirates uk usa us uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe europe asia ' +
    'africa antarctica arctic scandinavia britain england scotland wales kremlin moscow washington london paris ' +
    'berlin beijing tokyo kyiv kiev brussels geneva rome madrid vienna warsaw oslo stockholm helsinki copenhagen ' +
    'russian russians ukrainian ukrainians syrian syrians chinese japanese korean koreans indian indians british ' +
    'english french german germans italian spanish polish dutch swedish norwegian finnish danish irish scottish ' +
    'welsh european europeans african asian arab arabs iranian iraqi afghan israeli israelis palestinian turkish ' +
    'greek canadian mexican brazilian australian western eastern northern southern soviet nato eu un g20 g7 ' +
    'democrat democrats republican republicans muslim christian jewish catholic'
  ).split(' '),
);
