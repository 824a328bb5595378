"""The corpus stories, written with their gold identifiers marked as {kind|text}.

Gold annotations mark every identifier the scrubber is responsible for: what the household's record
knows (names with nicknames, birth dates, address, city, ZIP, phones, emails, case number, school,
employer) and the Safe Harbor pattern kinds (titled names, dates finer than the year, ages over 89,
phones, emails, SSNs, street addresses, ZIP codes, URLs, IPs, account and licence numbers). A
possessive "'s" stays outside the name; "on the" stays outside a date; a title ("Mr.") stays outside
a name. Ordinary words that merely look like a known name ("I hope", "she will") are not marked:
scrubbing them is counted against precision. Every story is invented.
"""

STORIES = [
    # --- rosa: Spanish names with and without accents, nicknames, possessives, the school's short form
    (
        "rosa",
        "{name|Rosa Martínez} came to the office on {date|March 3rd} with her son {name|José}. {name|Rosie}'s landlord at {address|2817 W. Cermak Road, Apt 3B} had shut off the heat.",
    ),
    (
        "rosa",
        '"{name|Pepe} won\'t sleep," {name|Rosa} said. {name|Jose} is in seventh grade at {school|Benito Juarez Academy} and his grandmother {name|Lupe} walks him there.',
    ),
    (
        "rosa",
        "{name|ROSA MARTINEZ}, born {date|07/19/1984}, case {case_number|CW-2024-00317}. Call {phone|312-555-0148} or write to {email|rosa.martinez84@gmail.com}.",
    ),
    (
        "rosa",
        "She cleans offices for {employer|Sunrise Cleaning} at night. In {date|January 2024} the rent went up and {name|Guadalupe Reyes} moved in with the family in {address|Chicago}, IL {zip|60623}.",
    ),
    (
        "rosa",
        "{name|Martínez}' son {name|Joselito} has asthma; the clinic's chart says MRN {account|00458812}. Doña {name|Lupita} keeps his inhaler.",
    ),
    (
        "rosa",
        "{name|Rosita} (as her mother calls her) sent a text from {phone|(312) 555 0148} on {date|2/14/25}: the eviction hearing is on the {date|3rd of March}.",
    ),
    # --- hope: names that are ordinary words
    (
        "hope",
        "{name|Hope} has hope again. {name|Hope Williams} and her children {name|Will} and {name|Grace} moved into {address|77 Peachtree Lane} in {date|May 2024}.",
    ),
    (
        "hope",
        "{name|Grace}'s teacher at {school|Glennwood Elementary} called {phone|404-555-0199}. {name|Will} will repeat second grade, said Ms. {name|Abernathy}.",
    ),
    (
        "hope",
        "We hope the court in {address|Decatur} rules by {date|June 5}. {name|Hopie} works nights at {employer|Kroger} and her shift ends at 6.",
    ),
    (
        "hope",
        "Case {case_number|24-JV-1182}: the {name|Williams}' water bill account {account|7720-1198-33} is past due since {date|04/01/2025}.",
    ),
    (
        "hope",
        "Email {email|hopew@outlook.com}. {name|WILL} turned nine on {date|October 30th}; {name|Gracie} is six.",
    ),
    # --- robert: an older client, an age over 89, nickname, wife called May
    (
        "robert",
        "{name|Bob Chen}, who is {date|93} years old, lives with his wife {name|May} at {address|14 Beacon St., Unit 2}, {address|Boston}, MA {zip|02108}.",
    ),
    (
        "robert",
        "In {date|May} Mrs. {name|Chen} fell. {name|Bobby} (that is what {name|May} calls him) phoned {phone|617.555.0123 ext. 4} for help.",
    ),
    (
        "robert",
        "Adult protective services report {case_number|APS-2023-4471} notes a bank account ending {account|004417788291} emptied by a caller who said he was from {url|www.medicare-help-desk.com}.",
    ),
    (
        "robert",
        "{name|Robert} was born on {date|14 March 1931}. He is {date|95}-year-old... he writes to {email|rchen1931@aol.com} every week and his Medicare ID is {account|1EG4-TE5-MK72}.",
    ),
    (
        "robert",
        "{name|Rob}'s daughter-in-law visits on the weekends; the scam caller used {ip|203.0.113.45} and the number {phone|+1 617 555 0199}.",
    ),
    # --- liz: Elizabeth as Liz/Beth/Betsy, Hunter and Mercy, Irish apostrophe
    (
        "liz",
        "{name|Liz O'Brien} left the house on {date|Sept. 23} with {name|Hunter} and {name|Mercy}. {name|Beth} (her sister calls her that) had a protective order, docket {case_number|2025-DV-0091}.",
    ),
    (
        "liz",
        "{name|Elizabeth}'s phone is {phone|+1 (503) 555-0111}; she asked us not to text {phone|503-555-0142}, the old number he knows.",
    ),
    (
        "liz",
        "{name|Hunter O’Brien} is in eighth grade at {school|Hosford Middle}. The hunter safety course was {name|Mercy}'s idea; she asked for mercy for her brother.",
    ),
    (
        "liz",
        "{name|Betsy} works at {employer|Fred Meyer} on {address|SE Hawthorne Blvd}. She moved out of {address|3300 SE Hawthorne Boulevard}, {address|Portland} {zip|97214-3321}.",
    ),
    (
        "liz",
        "Her new address is confidential: {address|P.O. Box 5521}, and her email {email|liz.obrien@protonmail.com}. Her car's plate {account|ABX-4471} was reported.",
    ),
    (
        "liz",
        "On {date|12/25/2024} {name|Mercy} turned twelve. {name|Lizzie} remembers the night of {date|December 24th} and Officer {name|Dana Pruitt}'s kindness.",
    ),
    # --- paco: Francisco as Paco/Pancho, compound surnames, Spanish dates
    (
        "paco",
        "{name|Paco Hernández} lleva veinte años en {employer|Border Steel}. Nació el {date|2 de abril de 1975} en Ciudad Juárez.",
    ),
    (
        "paco",
        "{name|Francisco Hernandez Lopez} and his wife {name|Lola} asked about their son {name|Chuy}, a junior at {school|Bowie High}.",
    ),
    (
        "paco",
        "{name|Pancho} lost his job on {date|11/04/2024}. His union card {account|UA-55-10293} and SSN {ssn|512-44-9087} were stolen with his wallet.",
    ),
    (
        "paco",
        "{name|Dolores} calls from {phone|915 555 0177}. They rent at {address|1210 Alameda Avenue}, {address|El Paso}, TX {zip|79901}; case {case_number|EP-24-5520}.",
    ),
    (
        "paco",
        "{name|Jesús} is sixteen; {name|JESUS} wrote his name on the form and his mother Sra. {name|Hernández} signed. Write to {email|paco.hdz@yahoo.com}.",
    ),
    # --- lupita: two given names, diminutive, apartment in prose
    (
        "lupita",
        "{name|María Guadalupe Sánchez}, or {name|Lupita}, lives in apartment {address|#12} of {address|455 South Alvarado Street}, {address|Los Angeles} {zip|90057}.",
    ),
    (
        "lupita",
        "{name|Lupe}'s partner {name|Nacho} works at {employer|El Super}; her daughter {name|Charo} goes to {school|Union Avenue Elementary}.",
    ),
    (
        "lupita",
        "On {date|8 March 2016} {name|Rosario} was born. The DCFS file is {case_number|LA-CFS-889213} and the worker is Mr. {name|Okafor}.",
    ),
    (
        "lupita",
        "{name|Maria}'s cell: {phone|213.555.0190}. Her Medi-Cal member ID is {account|91827364A}; the application went in at {url|https://www.benefitscal.com}.",
    ),
    (
        "lupita",
        '"{name|Lupita}!" the child called. {name|Ignacio} had left on {date|Feb. 14} and took the EBT card {account|5077 1200 3344 9981}.',
    ),
    # --- jamie: James as Jim/Jimmy, Margaret as Peggy/Maggie, rural Vermont
    (
        "jamie",
        "{name|Jim Whitaker} cut stone at {employer|Rock of Ages} for thirty years. {name|Peggy} says {name|Jimmy} stopped eating in late {date|February}.",
    ),
    (
        "jamie",
        "{name|James}' birthday is {date|February 29} and he was born in 1968. They live at {address|88 Hollow Road}, {address|Montpelier}, VT {zip|05602}.",
    ),
    (
        "jamie",
        "{name|Margaret Whitaker} asked that mail go to {email|jwhitaker@gmavt.net}; the APS case is {case_number|VT-APS-0342}, opened {date|2024-11-18}.",
    ),
    (
        "jamie",
        "{name|Maggie} called from {phone|(802) 555-0164} at 7:45 to say Dr. {name|Patel} changed his dose; his MRN: {account|VT-00982211}.",
    ),
    (
        "jamie",
        "{name|Jamie}'s driver's license {account|S1234567} was suspended on the {date|9th}; his last visit was on {date|Jan 9, 2025}.",
    ),
    # --- rose: Rose as a flower and a verb, Destiny
    (
        "rose",
        "{name|Rose} rose early. {name|Rose Jackson} grows roses on {address|Farish Street} and sells them on Saturdays.",
    ),
    (
        "rose",
        "{name|Destiny} was born on {date|July 4th, 2020}; {name|Rose}'s phone is {phone|601 555 0142} and her email {email|rosej2001@icloud.com}.",
    ),
    (
        "rose",
        "She works at {employer|Sonic} on weekends. Her house at {address|920 Farish St} floods; ZIP {zip|39202}. Case {case_number|HC-2025-117}.",
    ),
    (
        "rose",
        "Her birthday is {date|12/31/2001}. Ms. {name|Jackson} asked Pastor {name|Greene} to write a letter; he signed it {date|1-15-2025}.",
    ),
    (
        "rose",
        "The Medicaid policy number {account|MS-4477-1021} covers {name|Destiny}. Her SSN ends in {ssn|4471}.",
    ),
    # --- lan: short name, alias, Vietnamese family, ZIP+4 and many phone formats
    (
        "lan",
        "{name|Lan Nguyen} ({name|Lana} at work) waits tables at {employer|Pho Saigon}. Her husband {name|Minh} drives for a warehouse.",
    ),
    (
        "lan",
        "{name|Bao} is in sixth grade at {school|Warner Middle School}; {name|Lan}'s number is {phone|714-555-0136} and the school has {phone|(714) 555-2200}.",
    ),
    (
        "lan",
        "They moved to {address|15532 Brookhurst Street, Apartment 210}, {address|Westminster}, CA {zip|92683-4410} in {date|Aug. 2023}.",
    ),
    (
        "lan",
        "Born {date|1/15/86}. Email {email|lan.nguyen.86@gmail.com}; the county case {case_number|OC-24-77310} was closed on {date|2025-03-31}.",
    ),
    (
        "lan",
        "Mrs. {name|Nguyen} logged in from {ip|2001:db8:85a3::8a2e:370:7334} and from {ip|192.168.0.14}. Her account # {account|448812907} was locked.",
    ),
    # --- bill: William as Bill/Billy, the ordinary word "bill", PO Box address
    (
        "bill",
        "{name|Bill Tanner} could not pay the gas bill. {name|Billy} (his wife's name for him) will be 70 on {date|July 4}.",
    ),
    (
        "bill",
        "{name|Pat} says {name|William} keeps his papers at {address|PO Box 442}, {address|Tahlequah}, OK {zip|74464}. Call {phone|918-555-0187} or {phone|(918) 555-0100}.",
    ),
    (
        "bill",
        "{name|Patricia Tanner} works at {employer|Cherokee Nation Entertainment}. Her tribal ID {account|CN-0042-7711} and the case {case_number|CN-2023-0411}.",
    ),
    (
        "bill",
        "On Thursday, {date|October 2, 2025} Mr. {name|Tanner} went to the hospital. He is 70, not 90; {name|Bill}'s doctor is Dr. {name|Whitehorse}.",
    ),
    (
        "bill",
        "{name|Will Tanner}, as his brother calls him, lost his license plate {account|OK-TMB-441}; the bill of sale is dated {date|5/5/2024}.",
    ),
    # --- ana: teen, accented given names, Spanish grandmother Conchita
    (
        "ana",
        "{name|Ana Sofía Ruiz} is a sophomore at {school|Albuquerque High}. Her abuela {name|Conchita} raised her after {date|March 2019}.",
    ),
    (
        "ana",
        "{name|Ana Sofia} writes from {email|anasofia.ruiz@students.aps.edu} and texts from {phone|505.555.0155}; her father {name|Pedro} is in Juárez.",
    ),
    (
        "ana",
        "CYFD case {case_number|NM-CYFD-2025-0043}. {name|Concepción Ruiz}, born {date|20 Nov 1944}, lives at {address|701 Lomas Blvd. NE}, {address|Albuquerque} {zip|87102}.",
    ),
    (
        "ana",
        "{name|Anita} turns eighteen on {date|3/3/2026}. Her student ID {account|9034471} and her SSN {ssn|585 22 1947} are on the FAFSA.",
    ),
    (
        "ana",
        '"My name is {name|ANA}, not {name|Anita}," she said on the {date|14th of February}. Her TikTok is {url|@anasofia.r}.',
    ),
    # --- debbie: Deborah as Debbie/Deb, Mark as a verb, Mercy as employer
    (
        "debbie",
        "{name|Debbie Kowalski} works at {employer|UPMC Mercy} as a nursing aide. Her son {name|Mark} moved back home in {date|November 2024}.",
    ),
    (
        "debbie",
        "Please mark the file: {name|Deb} asked that we call {phone|412-555-0170} only after 5 pm. {name|Mark}'s probation officer is Officer {name|Reyes}.",
    ),
    (
        "debbie",
        "{name|Deborah}'s address is {address|2201 East Carson Street}, {address|Pittsburgh}, PA {zip|15203}. Her birthday is {date|August 8}.",
    ),
    (
        "debbie",
        "Case {case_number|AC-2024-2290}; email {email|dkowalski63@verizon.net}; fax {phone|412 555 0199}. The hospital portal {url|mychart.upmc.com} shows MRN {account|PA00193384}.",
    ),
    (
        "debbie",
        "{name|Kowalski} family: {name|Debbie}, born {date|8-8-1963}, and {name|Mark}, born {date|November 2nd, 1990}. She was hired by {employer|UPMC} on {date|2 Jan 2025}.",
    ),
    # --- mixed: identifiers at the start and the end, across punctuation, strangers with titles
    (
        "rosa",
        "{phone|312-555-0148}: that is {name|Rosa}'s only number; the old one, {phone|773-555-0101}, belonged to Mr. {name|Vega}, whose IP was {ip|10.0.0.7}.",
    ),
    (
        "hope",
        "{date|May 1st}? That is {name|Hope}'s birthday, and the last day of school at {school|Glennwood}. Rent goes to {address|P.O. Box 900}, {address|Decatur}, GA {zip|30030}.",
    ),
    (
        "paco",
        "({name|Paco}) {email|paco.hdz@yahoo.com}; ({name|Pancho}) {phone|915-555-0177}; (his ex-boss) Sr. {name|Luna} at {url|http://bordersteel.example.com/staff}, routing {account|111000025}.",
    ),
    (
        "lupita",
        "{name|Lupita} y {name|Nacho} viven en {address|Calle Olvera 22} desde el {date|5 de mayo}; su cuenta {account|00123-88412} está vencida. Escríbale a {email|lupita.sanchez92@hotmail.com}",
    ),
    (
        "liz",
        "Appointment: {date|2025-06-17} at 3:30 with Dr. {name|Amara Osei}. {name|Liz}'s SSN: {ssn|541-07-3321}. Her son {name|Hunter}'s birthday: {date|June 17}.",
    ),
    # --- a second batch, written after the scrubber and scored once before any change (see the docs)
    (
        "pepe",
        "{name|José Luis Peña} (everyone says {name|Pepe}) called from {phone|1-575-555-0102} on {date|Jan 2nd}; his mother {name|Meche} was in the hospital.",
    ),
    (
        "pepe",
        "{name|Joselito}'s old number was {phone|575.555.0188} and his new one is {phone|+52 1 656 555 0102}. He graduated from {school|Mayfield} in 2017.",
    ),
    (
        "pepe",
        "{name|Peña} works for {employer|Dona Ana County Roads} and lives at {address|4021 Montana Avenue, apt. 7}, {address|Las Cruces}, NM {zip|88001-3345}.",
    ),
    (
        "pepe",
        "SSN#{ssn|585-11-2233}; case {case_number|DA-2025-3310}; {name|Mercedes}' birthday is {date|Sept 24th}. Email {email|JLPENA99@GMAIL.COM}.",
    ),
    (
        "pepe",
        "Sra. {name|Peña}'s landlord, Mr. {name|Ortega}, filed on {date|2nd January 2025}; the court site {url|https://courts.example.gov/case/3310} lists it.",
    ),
    (
        "dot",
        "{name|Dot Sims} is {date|97}. {name|Dorothy} was born on {date|09.09.1929} and has lived at {address|5800 Superior Avenue} since the {date|summer of 1961}.",
    ),
    (
        "dot",
        "Her son {name|Frank} was frank with us: {name|Dottie} cannot manage the stairs. He calls from {phone|(216)555-0133}.",
    ),
    (
        "dot",
        "Mrs. {name|Sims} receives Social Security; her social security number is {ssn|123456789} and her bank routing # {account|041000124}.",
    ),
    (
        "dot",
        "APS case {case_number|CC-APS-24-0907} opened on {date|9/9}, her birthday. Her nephew posts at {url|facebook.com/dot.sims.family}.",
    ),
    (
        "dot",
        "Write to {email|DSims29@sbcglobal.net} or {address|PO Box 18}, {address|Cleveland}, OH {zip|44103}. The fall was on Tuesday the {date|4th}.",
    ),
    (
        "dot",
        "{name|Dolly} (her late husband's name for her) turned {date|ninety-seven} in {date|September}. {name|Frankie} logged in from {ip|172.16.254.1}.",
    ),
    (
        "rosa",
        "{name|Rosa}'s new phone: tel. {phone|312 5550148}. Her work badge {account|SCS-00417} and her ITIN {account|912-70-1234}.",
    ),
    (
        "hope",
        "{name|Hope W.} moved on {date|1 June 2025} to {address|12 Oak Hill Ct., Ste. 4}. {name|Will}'s IEP meeting is on {date|6/12}.",
    ),
    (
        "lan",
        "{name|Lan}'s Covered California policy: {account|CA-7719-2200-A}; her husband {name|Minh Nguyen}'s visa A-number {account|A098765432}.",
    ),
    (
        "paco",
        "{name|Paquito} (so his mother called him) and {name|Lolita} married on el {date|14 de febrero de 1998}; {name|Jesus}'s school, {school|Bowie}, is on {address|801 S San Marcial St}.",
    ),
]
