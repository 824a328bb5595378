"""Given names and the short forms people go by, in English and Spanish.

Each line is a formal name and its usual nicknames and diminutives (facts of usage, written out here
rather than taken from a package: see docs/thread-scrubber.md). A record that knows a client as
"Robert" also scrubs "Bob", "Bobby" and "Rob"; one that knows "Lupe" also scrubs "Guadalupe".
"""

from __future__ import annotations

from functools import cache

from .folding import fold

_ENGLISH = """
abigail: abby, abbie, gail
albert: al, bert, bertie
alexander: alex, al, xander, sandy, lex
alexandra: alex, lexi, lexie, sandra, sandy, allie
alfred: al, alf, alfie, fred
alice: allie, ally
allison: allie, ally
amanda: mandy, manda
andrew: andy, drew
angela: angie
anna: annie, nan, nannie
anne: annie, nan, nancy
anthony: tony, ant
arthur: art, artie
barbara: barb, barbie, babs
benjamin: ben, benny, benji
beverly: bev
bradley: brad
caroline: carrie, carol, caro
catherine: cathy, cat, kate, katie, kit
charles: charlie, chuck, chas, chaz
charlotte: charlie, lottie, lotte
christina: chris, tina, chrissy, christy
christine: chris, tina, chrissy, christy
christopher: chris, topher, kit, kris
clifford: cliff
cynthia: cindy
daniel: dan, danny
danielle: dani
david: dave, davey
deborah: deb, debbie, debby
dennis: denny
donald: don, donnie, donny
dorothy: dot, dottie, dolly, dora
douglas: doug
edward: ed, eddie, eddy, ted, teddy, ned
eleanor: ellie, nell, nellie, nora, elle
elizabeth: liz, lizzie, lizzy, beth, betsy, betty, bess, bessie, eliza, libby, lisa, liza
emily: em, emmy, millie
ernest: ernie
eugene: gene
frances: fran, frannie, fanny
francis: frank, frankie, fran
frederick: fred, freddie, freddy, rick
gabriel: gabe
gabriella: gabby, gabbie, ella
gerald: gerry, jerry
gregory: greg
grace: gracie
harold: hal, harry
harriet: hattie
helen: nell, nellie
henry: hank, harry, hal
isabella: bella, izzy, isa
isabel: bella, izzy, isa
jacob: jake, jay
james: jim, jimmy, jamie, jem
janet: jan
jeffrey: jeff
jennifer: jen, jenny, jenn
jessica: jess, jessie
joanne: jo
john: johnny, jack, jon
jonathan: jon, jonny, johnny, nate
joseph: joe, joey, jo
josephine: jo, josie, jody
joshua: josh
judith: judy, jude
katherine: kate, katie, kathy, kat, kay, kitty, kit
kathryn: kate, katie, kathy, kat, kay
kenneth: ken, kenny
kimberly: kim, kimmy
lawrence: larry, laurie
leonard: len, lenny, leo
louis: lou, louie
louise: lou, lulu
madeline: maddie, maddy
margaret: maggie, meg, peggy, marge, margie, greta, daisy
martha: marty, mattie, patty
mary: molly, polly, mae, may, mamie
matthew: matt, matty
michael: mike, mikey, mick, micky, mickey
michelle: shelly, mish
mitchell: mitch
nancy: nan
nathan: nate, nat
nathaniel: nate, nat, nathan
nicholas: nick, nicky, nico
olivia: liv, livvy, ollie
pamela: pam
patricia: pat, patty, patsy, trish, tricia
patrick: pat, paddy, patty
penelope: penny, nell
peter: pete
philip: phil, pip
phillip: phil
randall: randy
raymond: ray
rebecca: becky, becca, reba
richard: rick, ricky, rich, richie, dick
robert: rob, robbie, bob, bobby, bert, robin
ronald: ron, ronnie
russell: russ
samantha: sam, sammy
samuel: sam, sammy
sarah: sally, sadie, sara
stanley: stan
stephen: steve, stevie
steven: steve, stevie
susan: sue, susie, suzy
suzanne: sue, susie, suzy
tabitha: tabby
terrence: terry
theodore: ted, teddy, theo
theresa: terry, tess, tessa, tracy
thomas: tom, tommy
timothy: tim, timmy
valerie: val
victoria: vicky, vickie, tori, vic
vincent: vince, vinny
virginia: ginny, ginger
walter: walt, wally
william: will, bill, billy, willie, willy, liam
zachary: zach, zack
"""

_SPANISH = """
adolfo: fito
alberto: beto, tito
alejandra: ale, sandra, jandra
alejandro: alex, ale, alejo, jandro
alfonso: poncho, fonso
ana: anita
andres: andy
antonio: tono, tony, nono
beatriz: bea, betty
carlos: carlitos, charlie
carmen: carmencita, mela
concepcion: concha, conchita, chona
cristina: cris, tina
dolores: lola, lolita, loles
eduardo: lalo, edu
enrique: quique, kike
ernesto: neto
fernando: nando, fer
francisca: paca, pancha, paquita
francisco: paco, pancho, kiko, curro, paquito
gerardo: jerry, gera
gregorio: goyo
guadalupe: lupe, lupita, lupillo
guillermo: memo, guille, willy
gustavo: tavo
ignacio: nacho
isabel: chabela, isa, chabelita
jacinto: chinto
jesus: chuy, chucho, chuchito
jorge: coque
jose: pepe, chepe, joselito, pepito
josefina: pepa, fina, chepina, josefa
juan: juanito
luis: lucho, wicho
manuel: manolo, manny, manu
margarita: marga, rita
maria: mari, maruca
mercedes: meche, mecha
pedro: perico
rafael: rafa
ramon: moncho
refugio: cuca, cuco, cuquita
roberto: beto, tito, rober
rodolfo: fito, rudy
rosa: rosita, chayo
rosario: charo, chayo
salvador: chava, salva
santiago: santi, chago
socorro: coco
teresa: tere, teresita
"""

# Short forms that are also everyday English words: when the record knows only the formal name,
# these are scrubbed only capitalised ("Will", "WILL"), so "she will call" stays readable.
COMMON_WORDS = frozenset(
    """
    al art bea bert bess bill bob cat chas chuck coco daisy dick dolly don dot drew ed em fer fran
    frank gene ginger hal hank jack jay jem jerry jo kat kay kit lex lou may mae mark mick nan nat
    ned nell pat patty peggy penny pete phil pip polly ray rich rick rob robin russ sally sam sandy
    stan sue tabby ted tess tina tito tom val vic vince walt will
    """.split()
)


def _table() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for block in (_ENGLISH, _SPANISH):
        for line in block.strip().splitlines():
            formal, short = line.split(":")
            group = {formal.strip(), *(name.strip() for name in short.split(","))}
            for name in group:
                groups.setdefault(name, set()).update(group)
    return {name: frozenset(group) for name, group in groups.items()}


@cache
def _groups() -> dict[str, frozenset[str]]:
    return _table()


def spanish_diminutives(name: str) -> set[str]:
    """Rosa -> Rosita, Juan -> Juanito, Carlos -> Carlitos, Carmen -> Carmencita."""
    lower = fold(name).lower()
    if len(lower) < 3:
        return set()
    if lower.endswith("a"):
        return {lower[:-1] + "ita"}
    if lower.endswith("o"):
        return {lower[:-1] + "ito"}
    if lower.endswith("os"):
        return {lower[:-2] + "itos"}
    if lower.endswith(("n", "r")):
        return {lower + "cito", lower + "cita", lower + "ito", lower + "ita"}
    if lower[-1] in "lsz":
        return {lower + "ito", lower + "ita"}
    return set()


def clipped_forms(name: str) -> set[str]:
    """The short forms English makes of a longer name the table does not hold: its first syllable,
    alone or with -y or -ie (Tobias -> Tobi, Toby, Tobie; Marcella -> Marc, Marcy, Marcie).

    Only for names of five letters or more; the scrubber takes these capitalised only, so an ordinary
    word that happens to share the stem is left alone in running text.
    """
    lower = fold(name).lower()
    if len(lower) < 5 or not lower.isalpha():
        return set()
    found: set[str] = set()
    for stem in (lower[:3], lower[:4]):
        if stem[-1] in "aeiou":
            found.add(stem)
        else:
            found |= {stem + "y", stem + "ie"} | ({stem} if len(stem) == 4 else set())
    return found - {lower}


def variants_of(name: str) -> set[str]:
    """Every name the person may go by: the name itself, its nicknames and the names they shorten.

    Lower-case and folded (no accents). A known nickname brings in its formal name and that name's
    other short forms ("Bob" -> robert, rob, bobby ...).
    """
    lower = fold(name).lower()
    found = {lower} | set(_groups().get(lower, ())) | spanish_diminutives(lower)
    return {variant for variant in found if len(variant) >= 2}
