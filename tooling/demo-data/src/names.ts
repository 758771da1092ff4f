/**
 * Name, company and place data for the demo-data generator.
 *
 * Persian text uses the Persian letters ی (U+06CC) and ک (U+06A9) and the zero-width non-joiner
 * (U+200C) where Persian writes it («نیک‌نام»); Arabic text uses ي (U+064A), ك (U+0643) and ة
 * (U+0629). Each name carries an ASCII transliteration, used for e-mail addresses and for leads
 * written in Latin script.
 */
import type { Industry } from './generate.js';

/** `[native spelling, ASCII transliteration]` */
export type Named = readonly [native: string, latin: string];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const persianMaleFirstNames: readonly Named[] = [
  ['علی', 'ali'],
  ['محمد', 'mohammad'],
  ['حسین', 'hossein'],
  ['رضا', 'reza'],
  ['مهدی', 'mahdi'],
  ['امیر', 'amir'],
  ['حسن', 'hasan'],
  ['سعید', 'saeed'],
  ['مصطفی', 'mostafa'],
  ['مجید', 'majid'],
  ['احمد', 'ahmad'],
  ['محسن', 'mohsen'],
  ['حمید', 'hamid'],
  ['جواد', 'javad'],
  ['عباس', 'abbas'],
  ['ابوالفضل', 'abolfazl'],
  ['امیرحسین', 'amirhossein'],
  ['محمدرضا', 'mohammadreza'],
  ['علیرضا', 'alireza'],
  ['پویا', 'pouya'],
  ['آرش', 'arash'],
  ['کامران', 'kamran'],
  ['بهزاد', 'behzad'],
  ['فرهاد', 'farhad'],
  ['سینا', 'sina'],
  ['میلاد', 'milad'],
  ['نیما', 'nima'],
  ['پارسا', 'parsa'],
  ['کیان', 'kian'],
  ['صادق', 'sadegh'],
  ['روح‌الله', 'rouhollah'],
  ['ذبیح‌الله', 'zabihollah'],
  ['طاها', 'taha'],
  ['مرتضی', 'morteza'],
  ['غلامرضا', 'gholamreza'],
  ['هادی', 'hadi'],
  ['بهروز', 'behrouz'],
  ['داریوش', 'dariush'],
  ['مهرداد', 'mehrdad'],
  ['یاسر', 'yaser'],
  ['ظهیر', 'zahir'],
];

export const persianFemaleFirstNames: readonly Named[] = [
  ['فاطمه', 'fatemeh'],
  ['زهرا', 'zahra'],
  ['مریم', 'maryam'],
  ['سارا', 'sara'],
  ['نرگس', 'narges'],
  ['الهام', 'elham'],
  ['مهسا', 'mahsa'],
  ['نازنین', 'nazanin'],
  ['زینب', 'zeynab'],
  ['معصومه', 'masoumeh'],
  ['سمیرا', 'samira'],
  ['لیلا', 'leila'],
  ['شیما', 'shima'],
  ['پریسا', 'parisa'],
  ['نیلوفر', 'niloufar'],
  ['ستاره', 'setareh'],
  ['هانیه', 'hanieh'],
  ['ریحانه', 'reyhaneh'],
  ['طاهره', 'tahereh'],
  ['صدیقه', 'sedigheh'],
  ['عاطفه', 'atefeh'],
  ['مهناز', 'mahnaz'],
  ['فرشته', 'fereshteh'],
  ['آزاده', 'azadeh'],
  ['ملیکا', 'melika'],
  ['یگانه', 'yeganeh'],
  ['ماه‌رخ', 'mahrokh'],
  ['گل‌نار', 'golnar'],
  ['مه‌لقا', 'mahlagha'],
  ['شهرزاد', 'shahrzad'],
  ['نسترن', 'nastaran'],
  ['پروانه', 'parvaneh'],
  ['ترانه', 'taraneh'],
  ['رویا', 'roya'],
  ['کوثر', 'kowsar'],
  ['حدیث', 'hadis'],
  ['ثمین', 'samin'],
  ['ژاله', 'zhaleh'],
];

export const persianFirstNames: readonly Named[] = [...persianMaleFirstNames, ...persianFemaleFirstNames];

export const persianLastNames: readonly Named[] = [
  ['رضایی', 'rezaei'],
  ['محمدی', 'mohammadi'],
  ['حسینی', 'hosseini'],
  ['کریمی', 'karimi'],
  ['عبدالهی', 'abdollahi'],
  ['نیک‌نام', 'niknam'],
  ['احمدی', 'ahmadi'],
  ['موسوی', 'mousavi'],
  ['جعفری', 'jafari'],
  ['صادقی', 'sadeghi'],
  ['رحیمی', 'rahimi'],
  ['هاشمی', 'hashemi'],
  ['قاسمی', 'ghasemi'],
  ['کاظمی', 'kazemi'],
  ['عباسی', 'abbasi'],
  ['مرادی', 'moradi'],
  ['اکبری', 'akbari'],
  ['حیدری', 'heydari'],
  ['سلیمانی', 'soleimani'],
  ['نوری', 'nouri'],
  ['طاهری', 'taheri'],
  ['ابراهیمی', 'ebrahimi'],
  ['یزدانی', 'yazdani'],
  ['شریفی', 'sharifi'],
  ['صالحی', 'salehi'],
  ['زارعی', 'zarei'],
  ['فرهادی', 'farhadi'],
  ['نجفی', 'najafi'],
  ['اصفهانی', 'esfahani'],
  ['شیرازی', 'shirazi'],
  ['تهرانی', 'tehrani'],
  ['خراسانی', 'khorasani'],
  ['علی‌زاده', 'alizadeh'],
  ['حسین‌زاده', 'hosseinzadeh'],
  ['تقی‌زاده', 'taghizadeh'],
  ['قلی‌پور', 'gholipour'],
  ['پاک‌نژاد', 'paknejad'],
  ['نیک‌بخت', 'nikbakht'],
  ['خوش‌نویس', 'khoshnevis'],
  ['بنی‌هاشمی', 'banihashemi'],
  ['شاه‌حسینی', 'shahhosseini'],
  ['روشن', 'roshan'],
  ['امینی', 'amini'],
  ['بهرامی', 'bahrami'],
  ['فتحی', 'fathi'],
  ['ملکی', 'maleki'],
  ['ظریفی', 'zarifi'],
  ['طباطبایی', 'tabatabaei'],
  ['میرزایی', 'mirzaei'],
  ['کرمانی', 'kermani'],
  ['اسدی', 'asadi'],
  ['رستمی', 'rostami'],
  ['باقری', 'bagheri'],
  ['قربانی', 'ghorbani'],
  ['فرجی', 'faraji'],
  ['نادری', 'naderi'],
  ['وحیدی', 'vahidi'],
  ['یوسفی', 'yousefi'],
  ['دهقان', 'dehghan'],
  ['منصوری', 'mansouri'],
  ['کیانی', 'kiani'],
  ['ثابتی', 'sabeti'],
  ['ضیایی', 'ziaei'],
  ['عطایی', 'ataei'],
];

export const arabicMaleFirstNames: readonly Named[] = [
  ['محمد', 'mohammed'],
  ['أحمد', 'ahmed'],
  ['عبدالله', 'abdullah'],
  ['خالد', 'khalid'],
  ['سلطان', 'sultan'],
  ['فهد', 'fahad'],
  ['ناصر', 'nasser'],
  ['يوسف', 'yousef'],
  ['عمر', 'omar'],
  ['علي', 'ali'],
  ['حمد', 'hamad'],
  ['راشد', 'rashid'],
  ['سعود', 'saud'],
  ['فيصل', 'faisal'],
  ['ماجد', 'majed'],
  ['طارق', 'tariq'],
  ['سالم', 'salem'],
  ['منصور', 'mansour'],
  ['تركي', 'turki'],
  ['مشعل', 'mishal'],
  ['عبدالعزيز', 'abdulaziz'],
  ['إبراهيم', 'ibrahim'],
  ['هشام', 'hisham'],
  ['زياد', 'ziyad'],
  ['كريم', 'kareem'],
  ['ياسر', 'yasser'],
];

export const arabicFemaleFirstNames: readonly Named[] = [
  ['فاطمة', 'fatima'],
  ['عائشة', 'aisha'],
  ['مريم', 'maryam'],
  ['نورة', 'noura'],
  ['سارة', 'sara'],
  ['ريم', 'reem'],
  ['هند', 'hind'],
  ['لطيفة', 'latifa'],
  ['خديجة', 'khadija'],
  ['منى', 'mona'],
  ['شيخة', 'sheikha'],
  ['حصة', 'hessa'],
  ['أمل', 'amal'],
  ['ليلى', 'layla'],
  ['دانة', 'dana'],
  ['روان', 'rawan'],
  ['جواهر', 'jawaher'],
  ['هيا', 'haya'],
  ['لولوة', 'lulwa'],
  ['سلمى', 'salma'],
  ['رنا', 'rana'],
  ['ياسمين', 'yasmin'],
];

export const arabicFirstNames: readonly Named[] = [...arabicMaleFirstNames, ...arabicFemaleFirstNames];

export const arabicLastNames: readonly Named[] = [
  ['العتيبي', 'alotaibi'],
  ['الشمري', 'alshammari'],
  ['القحطاني', 'alqahtani'],
  ['الدوسري', 'aldosari'],
  ['الحربي', 'alharbi'],
  ['المطيري', 'almutairi'],
  ['الزهراني', 'alzahrani'],
  ['الغامدي', 'alghamdi'],
  ['العنزي', 'alanazi'],
  ['السبيعي', 'alsubaie'],
  ['المالكي', 'almalki'],
  ['الشهري', 'alshehri'],
  ['الكعبي', 'alkaabi'],
  ['المنصوري', 'almansoori'],
  ['الظاهري', 'aldhaheri'],
  ['النعيمي', 'alnuaimi'],
  ['المهيري', 'almheiri'],
  ['الفلاسي', 'alfalasi'],
  ['السويدي', 'alsuwaidi'],
  ['الهاجري', 'alhajri'],
  ['الكواري', 'alkuwari'],
  ['المري', 'almarri'],
  ['العطية', 'alattiyah'],
  ['الأنصاري', 'alansari'],
  ['الخليفي', 'alkhulaifi'],
  ['العجمي', 'alajmi'],
  ['الرشيدي', 'alrashidi'],
  ['الفضلي', 'alfadhli'],
  ['الكندري', 'alkandari'],
  ['البلوشي', 'albalushi'],
  ['الحمادي', 'alhammadi'],
  ['الشامسي', 'alshamsi'],
  ['الرميثي', 'alromaithi'],
  ['بن سعيد', 'binsaeed'],
  ['العلي', 'alali'],
  ['الخطيب', 'alkhatib'],
  ['حداد', 'haddad'],
  ['عبدالرحمن', 'abdulrahman'],
  ['الجابري', 'aljaberi'],
  ['القاسمي', 'alqasimi'],
  ['الحكيم', 'alhakim'],
  ['الصايغ', 'alsayegh'],
];

export const englishFirstNames: readonly string[] = [
  'James', 'John', 'Michael', 'David', 'Robert', 'William', 'Daniel', 'Thomas', 'Matthew',
  'Christopher', 'Andrew', 'Mark', 'Paul', 'Steven', 'Richard', 'Peter', 'George', 'Edward',
  'Oliver', 'Henry', 'Rajesh', 'Arjun', 'Mary', 'Emma', 'Olivia', 'Sophia', 'Emily', 'Sarah',
  'Jessica', 'Jennifer', 'Laura', 'Rachel', 'Hannah', 'Charlotte', 'Grace', 'Chloe', 'Lucy',
  'Anna', 'Kate', 'Rebecca', 'Victoria', 'Amelia', 'Priya', 'Anita',
];

export const englishLastNames: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Clark',
  'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker',
  'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker',
  'Evans', 'Edwards', 'Collins', 'Patel', 'Sharma', 'Fernandes', "D'Souza",
];

// ---------------------------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------------------------

/** A company name template: `{}` is replaced by a brand word; `latin` is appended to its transliteration for a domain. */
export type CompanyTemplate = readonly [template: string, latin: string];

/** Well-known companies, used as they are (no invented web domain for them). */
export type KnownCompany = readonly [name: string, industry: Industry];

export const persianCompanyCores: readonly Named[] = [
  ['آرمان', 'arman'],
  ['سپهر', 'sepehr'],
  ['پارس', 'pars'],
  ['نوین', 'novin'],
  ['آریا', 'arya'],
  ['البرز', 'alborz'],
  ['زاگرس', 'zagros'],
  ['ستاره', 'setareh'],
  ['آفتاب', 'aftab'],
  ['نگین', 'negin'],
  ['رایان', 'rayan'],
  ['پویا', 'pouya'],
  ['کیان', 'kian'],
  ['مهر', 'mehr'],
  ['آسمان', 'aseman'],
  ['پیشگامان', 'pishgaman'],
  ['فرتاک', 'fartak'],
  ['نیک‌اندیش', 'nikandish'],
  ['سپید', 'sepid'],
  ['بهین', 'behin'],
  ['آوا', 'ava'],
  ['تابان', 'taban'],
  ['دنا', 'dena'],
  ['سهند', 'sahand'],
  ['دماوند', 'damavand'],
  ['کاوه', 'kaveh'],
  ['هامون', 'hamoun'],
  ['ارغوان', 'arghavan'],
  ['شایان', 'shayan'],
  ['بامداد', 'bamdad'],
  ['پردیس', 'pardis'],
  ['آتیه', 'atieh'],
  ['ره‌آورد', 'rahavard'],
  ['ایده‌پردازان', 'idehpardazan'],
];

export const persianCompanyTemplates: Readonly<Record<Industry, readonly CompanyTemplate[]>> = {
  manufacturing: [['گروه صنعتی {}', 'group'], ['صنایع {}', 'sanat'], ['تولیدی {}', 'co'], ['{} صنعت', 'sanat']],
  retail: [['فروشگاه‌های زنجیره‌ای {}', 'shop'], ['بازرگانی {}', 'trading'], ['پخش {}', 'pakhsh']],
  construction: [['{} سازه', 'sazeh'], ['انبوه‌سازان {}', 'build'], ['شرکت عمرانی {}', 'omran']],
  technology: [['{} سیستم', 'system'], ['فناوری اطلاعات {}', 'it'], ['داده‌پردازی {}', 'data'], ['نرم‌افزاری {}', 'soft']],
  healthcare: [['کلینیک {}', 'clinic'], ['تجهیزات پزشکی {}', 'med'], ['داروسازی {}', 'pharma']],
  education: [['آموزشگاه زبان {}', 'lang'], ['مؤسسه آموزشی {}', 'edu'], ['مدرسه غیرانتفاعی {}', 'school']],
  finance: [['لیزینگ {}', 'leasing'], ['کارگزاری {}', 'broker'], ['صرافی {}', 'exchange']],
  food: [['صنایع غذایی {}', 'food'], ['رستوران {}', 'restaurant'], ['شیرینی {}', 'sweets']],
  tourism: [['آژانس مسافرتی {}', 'travel'], ['هتل {}', 'hotel'], ['گردشگری {}', 'tour']],
  logistics: [['حمل‌ونقل {}', 'logistics'], ['باربری {}', 'barbari'], ['ترابر {}', 'tarabar']],
  energy: [['{} انرژی', 'energy'], ['نیرو گستر {}', 'niroo'], ['خورشیدی {}', 'solar']],
  agriculture: [['کشت و صنعت {}', 'agro'], ['دامپروری {}', 'dairy'], ['گلخانه {}', 'greenhouse']],
  services: [['خدمات {}', 'services'], ['مشاوران {}', 'consulting'], ['تبلیغاتی {}', 'ads']],
  other: [['شرکت {}', 'co'], ['گروه {}', 'group']],
};

export const persianKnownCompanies: readonly KnownCompany[] = [
  ['فولاد مبارکه', 'manufacturing'],
  ['گروه صنعتی پارس', 'manufacturing'],
  ['ایران‌خودرو', 'manufacturing'],
  ['سایپا', 'manufacturing'],
  ['گروه صنعتی گلرنگ', 'manufacturing'],
  ['پتروشیمی شازند', 'energy'],
  ['مپنا', 'energy'],
  ['دیجی‌کالا', 'retail'],
  ['افق کوروش', 'retail'],
  ['اسنپ', 'technology'],
  ['همراه اول', 'technology'],
  ['صنایع غذایی کاله', 'food'],
  ['شیرین عسل', 'food'],
  ['هواپیمایی ماهان', 'tourism'],
  ['بانک ملت', 'finance'],
  ['سیمان تهران', 'construction'],
  ['کشت و صنعت مغان', 'agriculture'],
];

export const arabicCompanyCores: readonly Named[] = [
  ['النخبة', 'alnukhba'],
  ['الخليج', 'alkhaleej'],
  ['الرواد', 'alrowad'],
  ['الأفق', 'alofoq'],
  ['النور', 'alnoor'],
  ['الصقر', 'alsaqr'],
  ['الواحة', 'alwaha'],
  ['المستقبل', 'almustaqbal'],
  ['الريان', 'alrayyan'],
  ['السلام', 'alsalam'],
  ['الفجر', 'alfajr'],
  ['اللؤلؤة', 'allulua'],
  ['الندى', 'alnada'],
  ['البيان', 'albayan'],
  ['الإتقان', 'aletqan'],
  ['المدار', 'almadar'],
  ['الأمل', 'alamal'],
  ['الشروق', 'alshorooq'],
  ['الهلال', 'alhilal'],
  ['الياسمين', 'alyasmeen'],
  ['الكوثر', 'alkawthar'],
  ['الركن', 'alrukn'],
];

export const arabicCompanyTemplates: Readonly<Record<Industry, readonly CompanyTemplate[]>> = {
  manufacturing: [['مصنع {}', 'factory'], ['{} للصناعات', 'industries']],
  retail: [['{} للتجارة', 'trading'], ['أسواق {}', 'markets']],
  construction: [['{} للمقاولات', 'contracting'], ['شركة {} للإنشاءات', 'construction']],
  technology: [['{} للتقنية', 'tech'], ['حلول {} الرقمية', 'digital']],
  healthcare: [['مستشفى {}', 'hospital'], ['عيادات {}', 'clinics'], ['{} للأجهزة الطبية', 'medical']],
  education: [['مدارس {} الخاصة', 'schools'], ['معهد {} للتدريب', 'training']],
  finance: [['{} للاستثمار', 'invest'], ['{} للصرافة', 'exchange']],
  food: [['{} للأغذية', 'foods'], ['مطاعم {}', 'restaurants']],
  tourism: [['{} للسياحة والسفر', 'travel'], ['فندق {}', 'hotel']],
  logistics: [['{} للشحن', 'cargo'], ['{} للخدمات اللوجستية', 'logistics']],
  energy: [['{} للطاقة', 'energy'], ['{} للطاقة الشمسية', 'solar']],
  agriculture: [['مزارع {}', 'farms'], ['{} الزراعية', 'agri']],
  services: [['{} للخدمات', 'services'], ['مجموعة {} للاستشارات', 'consulting']],
  other: [['مجموعة {}', 'group'], ['شركة {}', 'co']],
};

export const arabicKnownCompanies: readonly KnownCompany[] = [
  ['أرامكو السعودية', 'energy'],
  ['سابك', 'manufacturing'],
  ['المراعي', 'food'],
  ['إعمار العقارية', 'construction'],
  ['طيران الإمارات', 'tourism'],
  ['اتصالات', 'technology'],
  ['بنك الكويت الوطني', 'finance'],
  ['مجموعة الفطيم', 'retail'],
];

export const englishCompanyCores: readonly string[] = [
  'Northwind', 'Bluewave', 'Summit', 'Horizon', 'Falcon', 'Crescent', 'Oasis', 'Pinnacle',
  'Silverline', 'Redwood', 'Atlas', 'Meridian', 'Apex', 'Desert Rose', 'Harbor', 'Keystone',
  'Evergreen', 'Sterling', 'Vertex', 'Nova', 'Orchid', 'Cedar', 'Lighthouse', 'Palm Coast',
];

export const englishCompanyTemplates: Readonly<Record<Industry, readonly CompanyTemplate[]>> = {
  manufacturing: [['{} Industries', 'industries'], ['{} Manufacturing', 'mfg']],
  retail: [['{} Trading LLC', 'trading'], ['{} Retail', 'retail']],
  construction: [['{} Contracting', 'contracting'], ['{} Builders', 'builders']],
  technology: [['{} Technologies', 'tech'], ['{} Software', 'software']],
  healthcare: [['{} Medical Center', 'medical'], ['{} Healthcare', 'health']],
  education: [['{} Academy', 'academy'], ['{} Training Institute', 'training']],
  finance: [['{} Capital', 'capital'], ['{} Investments', 'invest']],
  food: [['{} Foods', 'foods'], ['{} Catering', 'catering']],
  tourism: [['{} Travel & Tours', 'travel'], ['{} Hotels', 'hotels']],
  logistics: [['{} Logistics', 'logistics'], ['{} Shipping', 'shipping']],
  energy: [['{} Energy', 'energy'], ['{} Solar', 'solar']],
  agriculture: [['{} Farms', 'farms'], ['{} Agro', 'agro']],
  services: [['{} Consulting', 'consulting'], ['{} Services', 'services']],
  other: [['{} Group', 'group'], ['{} Holdings', 'holdings']],
};

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

export type CountryCode = 'IR' | 'AE' | 'SA' | 'QA' | 'KW';

export interface IranianProvince {
  /** Persian name of the province. */
  province: string;
  latin: string;
  /** `[Persian, Latin]`; the first one is the capital. */
  cities: readonly Named[];
  /** Landline area code without the trunk 0 (`21` for Tehran). */
  areaCode: string;
  /** Relative share of leads (roughly population and economic weight). */
  weight: number;
}

export const iranianProvinces: readonly IranianProvince[] = [
  { province: 'تهران', latin: 'Tehran', cities: [['تهران', 'Tehran'], ['شهریار', 'Shahriar'], ['اسلامشهر', 'Eslamshahr']], areaCode: '21', weight: 30 },
  { province: 'اصفهان', latin: 'Isfahan', cities: [['اصفهان', 'Isfahan'], ['کاشان', 'Kashan'], ['نجف‌آباد', 'Najafabad']], areaCode: '31', weight: 8 },
  { province: 'خراسان رضوی', latin: 'Razavi Khorasan', cities: [['مشهد', 'Mashhad'], ['نیشابور', 'Neyshabur']], areaCode: '51', weight: 8 },
  { province: 'فارس', latin: 'Fars', cities: [['شیراز', 'Shiraz'], ['مرودشت', 'Marvdasht']], areaCode: '71', weight: 6 },
  { province: 'آذربایجان شرقی', latin: 'East Azerbaijan', cities: [['تبریز', 'Tabriz'], ['مراغه', 'Maragheh']], areaCode: '41', weight: 5 },
  { province: 'خوزستان', latin: 'Khuzestan', cities: [['اهواز', 'Ahvaz'], ['آبادان', 'Abadan'], ['دزفول', 'Dezful']], areaCode: '61', weight: 5 },
  { province: 'البرز', latin: 'Alborz', cities: [['کرج', 'Karaj'], ['فردیس', 'Fardis']], areaCode: '26', weight: 4 },
  { province: 'قم', latin: 'Qom', cities: [['قم', 'Qom']], areaCode: '25', weight: 2 },
  { province: 'گیلان', latin: 'Gilan', cities: [['رشت', 'Rasht'], ['بندر انزلی', 'Bandar Anzali']], areaCode: '13', weight: 3 },
  { province: 'مازندران', latin: 'Mazandaran', cities: [['ساری', 'Sari'], ['بابل', 'Babol'], ['آمل', 'Amol']], areaCode: '11', weight: 4 },
  { province: 'کرمان', latin: 'Kerman', cities: [['کرمان', 'Kerman'], ['رفسنجان', 'Rafsanjan']], areaCode: '34', weight: 3 },
  { province: 'یزد', latin: 'Yazd', cities: [['یزد', 'Yazd']], areaCode: '35', weight: 2 },
  { province: 'آذربایجان غربی', latin: 'West Azerbaijan', cities: [['ارومیه', 'Urmia']], areaCode: '44', weight: 3 },
  { province: 'کرمانشاه', latin: 'Kermanshah', cities: [['کرمانشاه', 'Kermanshah']], areaCode: '83', weight: 2 },
  { province: 'هرمزگان', latin: 'Hormozgan', cities: [['بندرعباس', 'Bandar Abbas'], ['کیش', 'Kish']], areaCode: '76', weight: 2 },
  { province: 'گلستان', latin: 'Golestan', cities: [['گرگان', 'Gorgan']], areaCode: '17', weight: 2 },
  { province: 'همدان', latin: 'Hamadan', cities: [['همدان', 'Hamadan']], areaCode: '81', weight: 2 },
  { province: 'مرکزی', latin: 'Markazi', cities: [['اراک', 'Arak']], areaCode: '86', weight: 2 },
  { province: 'قزوین', latin: 'Qazvin', cities: [['قزوین', 'Qazvin']], areaCode: '28', weight: 1.5 },
  { province: 'سیستان و بلوچستان', latin: 'Sistan and Baluchestan', cities: [['زاهدان', 'Zahedan'], ['چابهار', 'Chabahar']], areaCode: '54', weight: 1.5 },
  { province: 'کردستان', latin: 'Kurdistan', cities: [['سنندج', 'Sanandaj']], areaCode: '87', weight: 1.2 },
  { province: 'اردبیل', latin: 'Ardabil', cities: [['اردبیل', 'Ardabil']], areaCode: '45', weight: 1.2 },
  { province: 'زنجان', latin: 'Zanjan', cities: [['زنجان', 'Zanjan']], areaCode: '24', weight: 1 },
  { province: 'لرستان', latin: 'Lorestan', cities: [['خرم‌آباد', 'Khorramabad']], areaCode: '66', weight: 1.2 },
  { province: 'بوشهر', latin: 'Bushehr', cities: [['بوشهر', 'Bushehr'], ['عسلویه', 'Asaluyeh']], areaCode: '77', weight: 1 },
  { province: 'سمنان', latin: 'Semnan', cities: [['سمنان', 'Semnan']], areaCode: '23', weight: 0.8 },
];

export const iranInPersian = 'ایران';

export interface ArabCity {
  city: string;
  /** Emirate, region or governorate, in Arabic. */
  province: string;
  country: string;
  countryCode: Exclude<CountryCode, 'IR'>;
  /** The same three in English. */
  latin: { city: string; province: string; country: string };
  /** The same three in Persian (for Persian-speaking leads living in the Gulf). */
  persian: { city: string; province: string; country: string };
  /** Landline area code without the trunk 0 (`4` for Dubai); empty where there is none. */
  areaCode: string;
  weight: number;
}

export const arabCities: readonly ArabCity[] = [
  {
    city: 'دبي', province: 'دبي', country: 'الإمارات العربية المتحدة', countryCode: 'AE',
    latin: { city: 'Dubai', province: 'Dubai', country: 'United Arab Emirates' },
    persian: { city: 'دبی', province: 'دبی', country: 'امارات متحده عربی' },
    areaCode: '4', weight: 30,
  },
  {
    city: 'أبوظبي', province: 'أبوظبي', country: 'الإمارات العربية المتحدة', countryCode: 'AE',
    latin: { city: 'Abu Dhabi', province: 'Abu Dhabi', country: 'United Arab Emirates' },
    persian: { city: 'ابوظبی', province: 'ابوظبی', country: 'امارات متحده عربی' },
    areaCode: '2', weight: 10,
  },
  {
    city: 'الشارقة', province: 'الشارقة', country: 'الإمارات العربية المتحدة', countryCode: 'AE',
    latin: { city: 'Sharjah', province: 'Sharjah', country: 'United Arab Emirates' },
    persian: { city: 'شارجه', province: 'شارجه', country: 'امارات متحده عربی' },
    areaCode: '6', weight: 7,
  },
  {
    city: 'الرياض', province: 'منطقة الرياض', country: 'المملكة العربية السعودية', countryCode: 'SA',
    latin: { city: 'Riyadh', province: 'Riyadh Province', country: 'Saudi Arabia' },
    persian: { city: 'ریاض', province: 'ریاض', country: 'عربستان سعودی' },
    areaCode: '11', weight: 18,
  },
  {
    city: 'جدة', province: 'منطقة مكة المكرمة', country: 'المملكة العربية السعودية', countryCode: 'SA',
    latin: { city: 'Jeddah', province: 'Makkah Province', country: 'Saudi Arabia' },
    persian: { city: 'جده', province: 'مکه', country: 'عربستان سعودی' },
    areaCode: '12', weight: 12,
  },
  {
    city: 'الدمام', province: 'المنطقة الشرقية', country: 'المملكة العربية السعودية', countryCode: 'SA',
    latin: { city: 'Dammam', province: 'Eastern Province', country: 'Saudi Arabia' },
    persian: { city: 'دمام', province: 'استان شرقی', country: 'عربستان سعودی' },
    areaCode: '13', weight: 5,
  },
  {
    city: 'الدوحة', province: 'الدوحة', country: 'قطر', countryCode: 'QA',
    latin: { city: 'Doha', province: 'Doha', country: 'Qatar' },
    persian: { city: 'دوحه', province: 'دوحه', country: 'قطر' },
    areaCode: '', weight: 9,
  },
  {
    city: 'الكويت', province: 'محافظة العاصمة', country: 'الكويت', countryCode: 'KW',
    latin: { city: 'Kuwait City', province: 'Al Asimah', country: 'Kuwait' },
    persian: { city: 'کویت', province: 'کویت', country: 'کویت' },
    areaCode: '', weight: 9,
  },
];

// ---------------------------------------------------------------------------------------------
// Job titles and notes
// ---------------------------------------------------------------------------------------------

export const persianJobTitles: readonly string[] = [
  'مدیرعامل', 'مدیر خرید', 'کارشناس خرید', 'مدیر بازرگانی', 'مدیر فروش', 'مسئول تدارکات',
  'مدیر فنی', 'کارشناس فناوری اطلاعات', 'مدیر مالی', 'حسابدار', 'مدیر بازاریابی',
  'کارشناس بازاریابی', 'مدیر تولید', 'سرپرست انبار', 'مدیر داخلی', 'مدیر پروژه', 'مهندس ناظر',
  'مالک', 'مدیر منابع انسانی', 'عضو هیئت‌مدیره',
];

export const arabicJobTitles: readonly string[] = [
  'المدير التنفيذي', 'مدير المشتريات', 'مسؤول المشتريات', 'مدير المبيعات', 'مدير التسويق',
  'المدير المالي', 'محاسب', 'مدير العمليات', 'مدير تقنية المعلومات', 'مهندس مشاريع', 'مالك',
  'مدير عام', 'مسؤول الموارد البشرية', 'مديرة المكتب', 'الشريك المؤسس',
];

export const englishJobTitles: readonly string[] = [
  'CEO', 'Managing Director', 'Procurement Manager', 'Purchasing Officer', 'Sales Manager',
  'Marketing Manager', 'CFO', 'Accountant', 'Operations Manager', 'IT Manager', 'Project Engineer',
  'Owner', 'General Manager', 'HR Manager', 'Office Manager', 'Founder',
];

/**
 * Short notes a salesperson writes. `{n}` is a quantity, `{h}` an hour, `{city}` a city;
 * digits are written in the script of the note.
 */
export const persianNotes: readonly string[] = [
  'درخواست پیش‌فاکتور برای {n} دستگاه',
  'قیمت عمده برای {n} کارتن را خواست',
  'بعد از ساعت {h} تماس گرفته شود',
  'از طریق نمایشگاه آشنا شده؛ کاتالوگ ارسال شود',
  'متقاضی نمایندگی فروش در {city}',
  'منتظر تأیید مدیرعامل است',
  'جلسه حضوری هفته آینده هماهنگ شود',
  'قبلاً از رقیب خرید می‌کرده؛ به قیمت حساس است',
  'بودجه محدود دارد، شرایط اقساطی می‌خواهد',
  'درخواست دموی نرم‌افزار برای {n} کاربر',
  'در دایرکت اینستاگرام قیمت را پرسیده',
  'شماره را از همکارش گرفته است',
  'نیاز به ارسال فوری به {city}',
  'پیگیری مجدد بعد از تعطیلات نوروز',
  'فاکتور رسمی با ارزش افزوده می‌خواهد',
  'برای {n} نفر از کارکنان استعلام گرفته',
];

export const arabicNotes: readonly string[] = [
  'طلب عرض سعر لعدد {n} وحدة',
  'يرغب في زيارة المعرض الأسبوع القادم',
  'الاتصال بعد الساعة {h} مساءً',
  'مهتم بالوكالة الحصرية في {city}',
  'ينتظر موافقة الإدارة',
  'طلب الكتالوج عبر واتساب',
  'العميل حساس للسعر ويقارن مع المنافسين',
  'يحتاج إلى عرض توضيحي لعدد {n} مستخدم',
  'طلب التوصيل العاجل إلى {city}',
  'تمت الإحالة من عميل حالي',
  'متابعة بعد عطلة العيد',
  'يسأل عن شروط الدفع بالتقسيط',
];

export const englishNotes: readonly string[] = [
  'Requested a quote for {n} units',
  'Call back after {h} pm',
  'Met at the exhibition; send the catalogue',
  'Interested in a distribution agreement in {city}',
  'Waiting for approval from the CEO',
  'Wants a demo for {n} users',
  'Price-sensitive; currently buys from a competitor',
  'Asked about payment terms',
  'Referred by an existing customer',
  'Follow up after the Eid holidays',
  'Needs delivery to {city} within two weeks',
];
