namespace NewsReader.Corpus;

/// <summary>The word stock synthetic articles are written from: news-like topics, people, places and outlets.</summary>
internal static class CorpusWords
{
    public static readonly string[] OutletFirst =
    [
        "Harbour", "Northern", "Capital", "Evening", "Morning", "Daily", "Coastal", "Metro", "Valley", "Continental",
        "Atlantic", "Pacific", "Highland", "River", "Union", "Central", "Eastern", "Western", "Southern", "Global",
    ];

    public static readonly string[] OutletSecond =
    [
        "Gazette", "Herald", "Times", "Tribune", "Observer", "Courier", "Chronicle", "Post", "Ledger", "Dispatch",
        "Sentinel", "Examiner", "Review", "Monitor", "Standard", "Journal", "Record", "Bulletin", "Echo", "Wire",
    ];

    public static readonly string[] FirstNames =
    [
        "Ana", "Tom", "Maria", "James", "Sofia", "Liam", "Chen", "Aisha", "Pedro", "Hannah", "Yuki", "Omar", "Elena",
        "David", "Fatima", "Lucas", "Ingrid", "Kwame", "Priya", "Mateo", "Zoë", "Jonas", "Amara", "Noah", "Léa",
        "Ravi", "Olga", "Samuel", "Chloé", "Tariq", "Nina", "Hugo", "Mei", "Felix", "Sara", "Andrés", "Grace", "Ivan",
        "Leila", "Oscar",
    ];

    public static readonly string[] LastNames =
    [
        "Ruiz", "Lee", "Okafor", "Schmidt", "Rossi", "Tanaka", "Haddad", "Novak", "Silva", "Johansson", "Kowalski",
        "Nguyen", "Dubois", "Mensah", "Patel", "García", "Müller", "Ivanova", "Brennan", "Costa", "Yilmaz", "Larsen",
        "Moreau", "Adeyemi", "Fischer", "Herrera", "Kim", "Olsen", "Petrov", "Santos", "Walsh", "Zhang", "Bauer",
        "Núñez", "Ferreira", "Koh", "Murphy", "Abara", "Lindqvist", "Wójcik",
    ];

    public static readonly string[] Cities =
    [
        "Taipei", "London", "Paris", "Lagos", "Nairobi", "Tokyo", "Berlin", "Madrid", "Lisbon", "São Paulo", "Mexico City",
        "Toronto", "Sydney", "Mumbai", "Jakarta", "Cairo", "Istanbul", "Warsaw", "Kyiv", "Zürich", "Brussels", "Seoul",
        "Manila", "Bogotá", "Lima", "Athens", "Dublin", "Oslo", "Helsinki", "Vienna", "Prague", "Budapest", "Accra",
        "Dakar", "Hanoi", "Bangkok", "Montréal", "Santiago", "Auckland", "Reykjavík", "Київ", "القاهرة", "東京", "Kraków",
    ];

    public static readonly string[] Organisations =
    [
        "the central bank", "the finance ministry", "the European Commission", "the United Nations", "NATO",
        "the World Bank", "the IMF", "parliament", "the supreme court", "the health ministry", "the electoral commission",
        "the port authority", "the energy regulator", "the teachers’ union", "the city council", "the opposition party",
    ];

    /// <summary>Each article has one topic; its words make topical searches match a realistic share of the corpus.</summary>
    public static readonly string[][] Topics =
    [
        ["inflation", "interest", "rates", "bank", "prices", "economy", "currency", "bonds", "lending", "recession"],
        ["election", "vote", "ballot", "candidate", "campaign", "polls", "turnout", "coalition", "parliament", "referendum"],
        ["climate", "emissions", "carbon", "drought", "flooding", "renewable", "solar", "wind", "heatwave", "glacier"],
        ["hospital", "vaccine", "health", "doctors", "patients", "virus", "clinic", "nurses", "medicine", "outbreak"],
        ["football", "championship", "coach", "stadium", "season", "striker", "goalkeeper", "league", "tournament", "fans"],
        ["software", "startup", "chips", "semiconductor", "artificial", "intelligence", "data", "cloud", "smartphone", "network"],
        ["diplomatic", "embassy", "sanctions", "treaty", "summit", "ambassador", "ceasefire", "alliance", "negotiations", "border"],
        ["housing", "rent", "mortgage", "construction", "tenants", "apartments", "landlords", "zoning", "homelessness", "developers"],
        ["school", "students", "teachers", "university", "exams", "curriculum", "tuition", "classrooms", "graduates", "scholarship"],
        ["oil", "gas", "pipeline", "refinery", "energy", "electricity", "grid", "nuclear", "coal", "fuel"],
        ["court", "judge", "trial", "verdict", "prosecutors", "lawyers", "appeal", "sentence", "testimony", "jury"],
        ["farmers", "harvest", "wheat", "crops", "fertiliser", "livestock", "irrigation", "rice", "coffee", "cocoa"],
        ["airline", "airport", "flights", "railway", "trains", "motorway", "traffic", "passengers", "tickets", "shipping"],
        ["museum", "festival", "film", "novel", "orchestra", "exhibition", "theatre", "artists", "gallery", "café"],
        ["police", "arrests", "investigation", "fraud", "smuggling", "cybercrime", "detectives", "raids", "suspects", "corruption"],
        ["migration", "refugees", "asylum", "visas", "workers", "labour", "wages", "strike", "unions", "unemployment"],
    ];

    public static readonly string[] Common =
    [
        "government", "officials", "people", "year", "country", "report", "plan", "week", "month", "city", "region",
        "minister", "president", "company", "market", "policy", "public", "local", "national", "international", "growth",
        "support", "change", "cost", "budget", "decision", "statement", "measures", "group", "community", "system",
        "project", "sector", "service", "programme", "agency", "committee", "leaders", "residents", "industry", "funding",
        "investment", "security", "future", "crisis", "pressure", "talks", "proposal", "reform", "figures", "analysts",
        "experts", "critics", "share", "number", "percent", "million", "billion", "record", "increase", "decline", "risk",
        "concerns", "response", "impact", "development", "agreement", "process", "level", "rules", "law", "data", "access",
        "challenge", "move", "effort", "demand", "supply", "production", "trade", "exports", "imports", "costs", "jobs",
    ];

    public static readonly string[] Verbs =
    [
        "said", "announced", "warned", "expected", "reported", "confirmed", "rejected", "approved", "proposed", "raised",
        "cut", "launched", "criticised", "welcomed", "delayed", "promised", "denied", "estimated", "signed", "blocked",
        "running", "runs", "planning", "building", "increasing", "reducing", "expanding", "facing", "seeking", "returning",
    ];

    public static readonly string[] Adjectives =
    [
        "new", "major", "recent", "former", "senior", "key", "significant", "sharp", "strong", "weak", "early", "late",
        "high", "low", "large", "small", "further", "final", "first", "latest", "long-term", "short-term", "regional",
    ];

    public static readonly string[] Function =
    [
        "the", "the", "the", "of", "of", "and", "and", "to", "to", "in", "in", "a", "that", "for", "on", "with", "as",
        "by", "at", "from", "its", "their", "it", "was", "is", "has", "have", "had", "be", "will", "would", "which",
        "after", "over", "more", "than", "but", "not", "this", "also", "while", "since", "about", "into", "against",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
}
