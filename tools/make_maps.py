#!/usr/bin/env python3
"""Generate Glimmer's Tiled maps from the ASCII layouts below.

Each place is drawn as 40x30 characters (one per 48px tile).  The script
autotiles ground transitions (path/sand against grass, shore around water),
puts tree canopies, lamp tops, roofs and awnings on the 'above' layer,
creates the typed objects, checks that every spawn/NPC/exit/checkpoint/thought
is walkable and reachable from the spawn (BFS), and writes Tiled 1.8 maps:

  levels/<level>/map.tmx   orthogonal, finite, CSV, external tileset
  layers: ground (fully painted), decor, above, objects (objectgroup)

Run tools/make_art.py first (it writes the tileset this script reads).
Usage:  python tools/make_maps.py [--check]

LEGEND (one character per tile)
  ground   .  grass            ,  grass with flowers   =  dirt path     :  sand
           ~  water            #  stone plaza          ;  warm plaza stones          _  wooden floor  o  stepping stone
           b  boardwalk (E-W)  B  boardwalk (N-S)
  nature   T  round tree       A  fruit tree           K  blossom tree  P  pine
             (trunk here, canopy drawn on the cell above, walk-behind)
           *  bush   %  berry bush   F  flower bed   f/g  flowers (walkable)
           r  rock   p  pebbles      t  stump        l  log   m  mushrooms
           e  reeds  w  lily pad (on water)
  built    -  fence (E-W)  |  fence (N-S)  +  fence post   n  bench
           L  lamp post (lamp head on the cell above)  S  signpost   N  notice board
           c  crate   q  barrel   h  planter   i  pier post (in water)
           y  boat (two cells: yy)   u  rug   O  fountain (2x2 block)
  houses   R / Q / Z  red / blue / teal roof (top row is walk-behind)   ^  chimney
           W  wood wall   V  wood window   D  wood door
           k  brick wall  v  brick window  d  brick door
  market   [  red awning   ]  teal awning (walk-behind)   M  counter under an awning
  objects  @  spawn   G  guide (Glim)   1 2 3 4  NPCs (see each map)   ?  thought encounter
           E  exit (adjacent E cells form one rect)   C  checkpoint (one rect)
           a sign object sits on the map's S, a planner object on its N.
  Object cells take the ground of their neighbours.
"""

from __future__ import annotations

import json
import random
import sys
import xml.etree.ElementTree as ET
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
TILE = 48
W, H = 40, 30

GROUND = {".": "grass", ",": "grass_f", "=": "path", ":": "sand", "~": "water", "#": "plaza", ";": "plaza_warm",
          "_": "floor", "b": "bw_h", "B": "bw_v", "o": "stone"}
MAT_FAMILY = {"grass_f": "grass"}
LAND = {"grass", "path", "sand", "plaza", "floor"}

TREES = {"T": "tree", "A": "tree_fruit", "K": "tree_blossom", "P": "pine"}
SIMPLE_DECOR = {"*": "bush", "%": "bush_berries", "F": "flower_bed", "f": "flowers", "g": "flowers_2",
                "r": "rock", "p": "pebbles", "t": "stump", "l": "log", "m": "mushrooms", "e": "reeds",
                "w": "lilypad", "-": "fence_h", "|": "fence_v", "+": "fence_post", "n": "bench",
                "S": "signpost", "N": "notice_board", "c": "crate", "q": "barrel", "h": "planter",
                "i": "pier_post", "u": "rug"}
WALLS = {"W": ("wood", ""), "V": ("wood", "window"), "D": ("wood", "door"),
         "k": ("brick", ""), "v": ("brick", "window"), "d": ("brick", "door")}
FORCED_GROUND = {"w": "water", "i": "water", "y": "water", "u": "floor"}
ROOFS = {"R": "red", "Q": "blue", "Z": "teal"}
AWNINGS = {"[": "red", "]": "teal"}
MARKERS = set("@G1234?EC")


# --------------------------------------------------------------------------
# tileset
# --------------------------------------------------------------------------

def load_tileset():
    names = json.loads((ROOT / "assets/tiles/tile_names.json").read_text())
    tsx = ET.parse(ROOT / "levels/tilesets/overworld.tsx").getroot()
    collides = {}
    for tile in tsx.findall("tile"):
        tid = int(tile.get("id"))
        for prop in tile.iter("property"):
            if prop.get("name") == "collides":
                collides[tid] = prop.get("value") == "true"
    return names, collides


# --------------------------------------------------------------------------
# map specifications
# --------------------------------------------------------------------------

@dataclass
class Place:
    folder: str
    title: str
    rows: list[str]
    npcs: dict[str, tuple[str, str, str, str]]      # marker -> (name, dialogue, sprite, facing)
    sign: tuple[str, str]                            # (name, dialogue)
    exit: tuple[str, str]                            # (name, requires)
    checkpoint: tuple[str, str]                      # (name, id)
    spawn_name: str = "Start"
    thoughts: list[tuple[str, str]] = field(default_factory=list)  # (name, encounter) in reading order
    planner: tuple[str, str] | None = None           # (name, board)
    guide: tuple[str, str] = ("Glim", "down")
    # practice spots on solid props: (prop char, which one in reading order, name, kind, content key)
    extras: list[tuple[str, int, str, str, str]] = field(default_factory=list)


PLACES: list[Place] = []

# ---- Level 1: The Mood Map — a small harbour town -------------------------
PLACES.append(Place(
    folder="level1_mood_map",
    title="The Mood Map",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "..,....,......,.......,....,.....EE.....",  # 0
        "TPTKTTPTTATTTPTTTKTTTPTTTTTPTTTTT==TPTPT",  # 1
        "PT.T.PT...P..T.T..T....T..T.PT..,==..TAP",  # 2
        "T..RR^RR...QQQ^Q...RR^RR.......T.==...PT",  # 3
        "P..RRRRR...QQQQQ...RRRRR..A......==..*.T",  # 4
        "T..WVWVW...kvkvk...WVWVW....f....==....P",  # 5
        "T.hVWDWVh..vkdkvh.hVWDWVh.L......==....T",  # 6
        "..f..=.f.....=..f....=..n....F...==.K..P",  # 7
        ".G...=......2=.......=...........==....T",  # 8
        "@==================================...,A",  # 9
        "===================================.f..T",  # 10
        "T....,..........F.......F.........=....P",  # 11
        "T.*.+---+..L###########N######L...=..K.T",  # 12
        "P...|fgf|..###n####;;;;####n###...=....T",  # 13
        "T..K|gfg|..########;OO;########...=:...P",  # 14
        "A...+-.-+..##C#####;OO;########...=....T",  # 15
        "T.*....K...########;;;;########...K...%P",  # 16
        "P..f...K...#F#######;;#######F#...K...*P",  # 17
        "T.*...r....h########;;########h.......%T",  # 18
        "P.,................SBB.............,...P",  # 19
        "T..e..::::::::::::..BB..::::::::::...*.T",  # 20
        "..::::::::::::::::::BB::::::::::::::::..",  # 21
        "::::::::::::::::::::BB:::::::::::::::e::",  # 22
        "~~~~~~::::::::::::::BB:::::::::::::::~~~",  # 23
        "~~~~~~~~~~~::::::::~BB~~:::::::::::~~~~~",  # 24
        "~~~~~~~~~~~~~~~~~~~iBBi~~~~~~~~~~~~~~~~~",  # 25
        "~~~~~~yy~~~~~~~~~~~~B1~~~~~~~~~~~~~~~~~~",  # 26
        "~~~~~~~~~~~~~~~~~~~~BB~~~~~~~~yy~~~~~~~~",  # 27
        "~~~~~~~~~~~~~w~~~~~iBBi~~~~~~~~~~~~w~~~~",  # 28
        "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",  # 29
    ],
    npcs={"G": ("Glim by the town gate", "guide_intro", "guide", "right"),
          "1": ("Maya at the end of the pier", "maya", "npc_maya", "down"),
          "2": ("Sam outside the blue house", "sam", "npc_sam", "down")},
    sign=("Harbour sign", "sign_harbour"),
    checkpoint=("Plaza checkpoint", "plaza"),
    exit=("Road north to the park", "guide_intro, sorting:moments, breathing:bench"),
    spawn_name="Town gate (start)",
    extras=[("N", 0, "Mood board", "sorting", "moments"),
            ("n", 1, "Quiet bench", "breathing", "bench")],
))


# ---- Level 2: Spark Up — the park --------------------------------------------
PLACES.append(Place(
    folder="level2_spark_up",
    title="Spark Up",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "......,............,.........,..........",  # 0
        "TTTKTATKATATTTAAAKKTTAAKATTTKKPAAATTTTTA",  # 1
        "TP.T....TK..K........K..T....P..TT.PATTK",  # 2
        "T.....,.........,..*..................TT",  # 3
        "TP,.A..A...h.N.h..,.....r....,...*,K.*.K",  # 4
        "T...........n..n......,.............,.AT",  # 5
        "T.......========================......TP",  # 6
        "T...,...=======1================.......K",  # 7
        "TA..,...==.f.g.F...F.g.f...F...f,F.F..AT",  # 8
        "A.......==r.......::::........==.....fKP",  # 9
        "P.....,.==.....:::~~~~:::.....=C...,...A",  # 10
        "AT..,..*==...::~~~~~~~w~~::...==....,..T",  # 11
        "T..F.F,.==..e:~~~~~~~~~~~~::..==..K..K,T",  # 12
        "T.G.....==..:w~~~~~K:~~~~~~:.L==...,...A",  # 13
        "@=========L.:~~~~~~:*~~~~~~:..=========E",  # 14
        "=====S====..:~~~~~~::~~~~~~:..=========E",  # 15
        "TT......==.,:~~~~~~~~~~~w~~:.,==......TT",  # 16
        "AT,F.F..==..::~~~~~~~~~~~~:e..==.......T",  # 17
        "T......%==...::~~w~~~B~~~::...==..A..ATT",  # 18
        "A....,..==.....:::~~iBi::.....==....,..T",  # 19
        "TA......==........:::B........==.F.F..PK",  # 20
        "TA......==LF..g.f...nB....nf.L.F......AT",  # 21
        "TT......========================..,..tPT",  # 22
        "TA,.....=================2======....,,.T",  # 23
        "A...,.............................,....K",  # 24
        "T,..A.K.A...f.g.F.F.g.f...K.*.K.*......P",  # 25
        "A..........,.............,.....,.......A",  # 26
        "T..........f.,.............r...........A",  # 27
        "T............,...,.......,.............T",  # 28
        "ATPATPAAPAATTKTTPKAATAPAATPAATAAAAKTTTKT",  # 29
    ],
    npcs={"G": ("Glim at the park gate", "guide_intro", "guide", "right"),
          "1": ("Lena on the north path", "lena", "npc_lena", "down"),
          "2": ("Tomas by the flower beds", "tomas", "npc_tomas", "up")},
    sign=("Park sign", "sign_park"),
    planner=("Week planner board", "week_board"),
    checkpoint=("Park loop checkpoint", "park"),
    exit=("East gate to the school", "guide_intro, planner:week_board"),
    spawn_name="Park gate (start)",
))


# ---- Level 3: Spot the Trap — the school yard --------------------------------
PLACES.append(Place(
    folder="level3_spot_the_trap",
    title="Spot the Trap",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "........................................",  # 0
        "AKATPATAAKTATTPTAKPKTAPKAPAPTTTKKTTPAPAK",  # 1
        "AP....TKTT....TA...P...A.T..TK..TK..P..A",  # 2
        "P.......QQQQ^QQQQQQ^QQQQQQQ^QQQQ.......K",  # 3
        "T.......QQQQQQQQQQQQQQQQQQQQQQQQ.......K",  # 4
        "KA......kvkkvkkvkkvkkvkkvkkvkkvk.......A",  # 5
        "T.......kvkkvkkvkkkddkkkvkkvkkvk.......P",  # 6
        "A.+##################################+TP",  # 7
        "A.|#h,n,,L,,F,h##########h,F,,L,,n,h#|TT",  # 8
        "P.|#####S#######?####################|TK",  # 9
        "P.|#,,,###1##################?###,,,#|TP",  # 10
        "T.|#,T,######;;;;;;;;;;;;;;######,A,#|.T",  # 11
        "T.+##########;#####;;#####;###cc#####|.P",  # 12
        "@=######?####;#####;;#####;###q######|.T",  # 13
        "==###########;#####;;##?##;##########|.A",  # 14
        "P.+#G########;#####;;#####;######?###|.A",  # 15
        "T.|#,,,######;#####C;#####;######,,,#|.T",  # 16
        "KT|#,K,######;;;;;;;;;;;;;;####2#,K,#|TT",  # 17
        "PP|##################################|.K",  # 18
        "A.|#h##n#Fh####?#############h##n##h#|.T",  # 19
        "TP|##################################|.T",  # 20
        "AK+---------------+##+---------------+.T",  # 21
        "TT.................==..................T",  # 22
        "K........*,..%..,L.==,L...*,..,.....,..K",  # 23
        "AT.,.A..F..*...,...==.....*..F..A....,.T",  # 24
        "A..,,..,...........==.,,..........,...PA",  # 25
        "T.,,.,..,....,.....==............,..,..T",  # 26
        "TA..%r,.n..........==.........nf.....,.T",  # 27
        "T..,.........%.....==...,.......r,,,,.AT",  # 28
        "TTKTTKTTTPTTKTTTTKTEEAKTKTTTTTPPPKTTPTTT",  # 29
    ],
    npcs={"G": ("Glim inside the west gate", "guide_intro", "guide", "right"),
          "1": ("Amir near the school door", "amir", "npc_amir", "down"),
          "2": ("Zoe by the crates", "zoe", "npc_zoe", "left")},
    sign=("School yard sign", "sign_school"),
    thoughts=[("Thought creature by the school wall", "thought_1"),
              ("Thought creature near the east bench", "thought_2"),
              ("Thought creature by the west gate", "thought_3"),
              ("Thought creature on the court", "thought_4"),
              ("Thought creature in the east yard", "thought_5"),
              ("Thought creature by the flower bed", "thought_6")],
    checkpoint=("Court checkpoint", "yard"),
    exit=("South gate to the forest", "guide_intro, " + ", ".join(f"thought:thought_{i}" for i in range(1, 7))),
    spawn_name="West gate (start)",
))


# ---- Level 4: Detective Mode — the forest ------------------------------------
PLACES.append(Place(
    folder="level4_detective_mode",
    title="Detective Mode",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "PPTPPT...PTPPPP....PPr...P*mTPTP.EE...TP",  # 0
        ".*..TT*TPP.PPrPTTP.PTPrPP.PK.PPP.==..*PP",  # 1
        "PTP.....PP..T.r.PPTPT.PPPP.PPP.T.==.PPPP",  # 2
        "mPPTP.PT.T.TPTPTP..TPPPPP.PP.K.T.==..m..",  # 3
        "TPP...Pm.m.Tm.P..P..mP.P.........==..mPP",  # 4
        "rK..PP.P.P...K.PmP..TTPP.==========.*T.*",  # 5
        "PP.TP..PTT.PPT.PPr.TT..P.====2=====..PP.",  # 6
        "T.P.PPTPT..PPTT.TPP.P..r.==.........m*P.",  # 7
        "T.P..*TP.PmPPP.P.P*PrPT..==.PmPPPP.....P",  # 8
        "*T*...Pmm.*.P.T*..PPPr...?=.TT.PTPPT.*P.",  # 9
        "rPP...*PPPP..............==..PPP.P..T.PT",  # 10
        "PPPPPP.P...m...e.~~m~....==...K..KTP.TPP",  # 11
        ".PT..PTTP.P.P...~~~~~~...==.P..PKT.P....",  # 12
        ".P..*P*.Pm.*P.e~w~~~~~~.....rP.mP.rP....",  # 13
        "m.*T.PP.TT*PP..~~~~~w~~.F...P...P..TP.rr",  # 14
        "P.PTPP..........~~~~~~........PT*PT...P.",  # 15
        "..TPP...====?===.,,,t,l,....P.Tr.PrPTPPP",  # 16
        ".P.P.PP.========.,,,,,,,....P.m........T",  # 17
        "PPT.PP..==......1.....n.........K.....P.",  # 18
        "PKm.P.P.==..P.m.t....C....=========....P",  # 19
        "PPPP.*P.==..P..............========...P.",  # 20
        "...P..m.==..P.....................?.t.PP",  # 21
        "TTTP....==.PPPP*PrPP..PP.PPP.....m....TP",  # 22
        "...G....==.P.TPPTPTPP..TPPK.T.T.......P*",  # 23
        "@=========.**.PT.PPPPTPrPPmT..PPTTP.PTP.",  # 24
        "==========S*.P.*P..P..*TPPT.PTP...PTPT..",  # 25
        "...........PTPT.P...P...PPPTTPmmrTT.PTPP",  # 26
        ".PPP*PmP.P.TTPP.TTPrPTmT**P....TPPPPPPTP",  # 27
        "PmP..P.PP.PP.PmKPP.TPT.PP.PPP.T.K.PP.PP.",  # 28
        "*T.T.TPTPPPPT...Pm.T.P.....T..*r.PPP.rmP",  # 29
    ],
    npcs={"G": ("Glim at the forest edge", "guide_intro", "guide", "right"),
          "1": ("Kofi in the clearing", "kofi", "npc_kofi", "right"),
          "2": ("Priya on the high trail", "priya", "npc_priya", "down")},
    sign=("Forest trail sign", "sign_forest"),
    thoughts=[("Case file on the low trail", "case_1"),
              ("Case file on the north path", "case_2"),
              ("Case file in the glade", "case_3")],
    checkpoint=("Clearing checkpoint", "clearing"),
    exit=("Trail north to the river", "guide_intro, thought:case_1, thought:case_2, thought:case_3"),
    spawn_name="Forest edge (start)",
))


# ---- Level 5: Stepping Stones — the river crossing ---------------------------
PLACES.append(Place(
    folder="level5_stepping_stones",
    title="Stepping Stones",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "................~~~~~~~:................",  # 0
        "AKTKPATPTTTTKKTP~~~~~~~:ATPPPPPTTTTATTKP",  # 1
        "T..T..TATTP.PAT::~~~~~~~TT...T.KP..T.T.T",  # 2
        "T..............::~~w~~~~..,...........AT",  # 3
        "P.A.,K..T,..r...::~~~~~~~....==========E",  # 4
        "T.................~~~~~~~.,..==========E",  # 5
        "K.......*..r.,,m..~~~~~~~:r..==.......AP",  # 6
        "T...%.............~~~~~~~:...==........T",  # 7
        "T...............S.~~~~~~~....==.....,..K",  # 8
        "T...,=============oo~ooo~======..F.n.F.T",  # 9
        "T.,..=============~ooo~oo===2===.......T",  # 10
        "P....==........::~~~~~~~......==,,..N.PK",  # 11
        "P..,.==.l........~~~~~~~:....m==C.....AT",  # 12
        "P.G..==..........~~~~~~~:.K..*==....,..K",  # 13
        "@======......*..~~w~~~~.......==,......K",  # 14
        "=======...,..,..~~~~~~~...,...==.......P",  # 15
        "T.....=......::~~~~~~~...,....==.T.A.K.K",  # 16
        "P.,...=.....r::~~~~~~~....e..r==.......K",  # 17
        "A..F..n.....::~~~~~~~:........==,...,.KP",  # 18
        "A...,.=.......~~~~~~~:.,......==.....,.P",  # 19
        "TP....=....,..i~~~~~i.....,..,==.n.....T",  # 20
        "A.....=======bbbbbbbbb==========..,....P",  # 21
        "KT....==1====bbbbbbbbb==========.......A",  # 22
        "A...........::i~~~~~i..................P",  # 23
        "K.,......,,.::~~~~~~~:.....,......t.T.TP",  # 24
        "T.....,..T.*.T:~~w~~~~:..A,*.r.K......KA",  # 25
        "T.r,t..........~~~~~~~.................K",  # 26
        "TT.....,..,....~~~~~~~..m.............TT",  # 27
        "A.........,.....~~~~~~~.,.......,......T",  # 28
        "PTTTTTATATTTTPTT~~~~~~~TTATTPTPTPKPTAPTA",  # 29
    ],
    npcs={"G": ("Glim on the west bank", "guide_intro", "guide", "right"),
          "1": ("Jayden by the bridge", "jayden", "npc_jayden", "up"),
          "2": ("Mei across the stones", "mei", "npc_mei", "left")},
    sign=("Stepping stones sign", "sign_river"),
    checkpoint=("East bank checkpoint", "east_bank"),
    exit=("Road east to the market", "guide_intro, practice:problem_board"),
    extras=[("N", 0, "Problem board", "practice", "problem_board")],
    spawn_name="West bank (start)",
))


# ---- Level 6: Allies — the market --------------------------------------------
PLACES.append(Place(
    folder="level6_allies",
    title="Allies",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "........................................",  # 0
        "KKKAKPTPAKTTTKPTPTTAKPAPKTKKPTKTPAPPKTAP",  # 1
        "TT..............AP..PT.KKKTKAA.T..K....A",  # 2
        "TP.ZZZ^Z..R^RRRR..Q^QQQ..ZZZZ^Z..RR^RRAT",  # 3
        "A..ZZZZZ..RRRRRR..QQQQQ..ZZZZZZ..RRRRRTK",  # 4
        "T..WVWVW..kvkkvk..WVWVW..kvkkvk..WVWVW.A",  # 5
        "PThVWDWVhhvkdkkvhhVWDWVhhvkkdkvhhVWDWVAK",  # 6
        "T....=.......=......=.......=......=..TT",  # 7
        "########################################",  # 8
        "T###L##############################L###T",  # 9
        "T##################L###################P",  # 10
        "K#####[[[###]]]###########[[[###]]]####T",  # 11
        "K####cMMMq##MMMc#########qMMMc##MMMcq##K",  # 12
        "A########1#######h####h#######N########K",  # 13
        "AS################;;;;#################A",  # 14
        "@=;;;;;;;;;;;;;;n;;OO;;;2;;;;;;;;;;;;;=E",  # 15
        "==;G;;;;;;;;;;;;;;;OO;;n;;;;;;;;;;;;;;=E",  # 16
        "T#################;;;;#################P",  # 17
        "A#####]]]###[[[##h####h###]]]###[[[####A",  # 18
        "A####qMMM###MMMcc####C###cMMM###MMMq###T",  # 19
        "T######################################K",  # 20
        "T###################L##################T",  # 21
        "T###L##############################L###P",  # 22
        "P##################==##################P",  # 23
        "T..................==..................P",  # 24
        "A..A.*.K,F.T.*.A.F.==..A.*.T.F.K.*.A...T",  # 25
        "K..................==...,............,.T",  # 26
        "P.,,......n,.....,.==.......n..........K",  # 27
        "T...,...,....,...,,==...,.............,T",  # 28
        "APAAKTAKAKAPATPTPTAKTTPPTTPTKKTATAKPKKKA",  # 29
    ],
    npcs={"G": ("Glim at the market gate", "guide_intro", "guide", "right"),
          "1": ("Nadia at the fruit stall", "nadia", "npc_nadia", "down"),
          "2": ("Leo by the fountain", "leo", "npc_leo", "left")},
    sign=("Market sign", "sign_market"),
    checkpoint=("Fountain checkpoint", "market"),
    exit=("Road east to the hill", "guide_intro, practice:speak_up, practice:ally_map"),
    extras=[("M", 4, "Speak-up stall", "practice", "speak_up"),
            ("N", 0, "Ally board", "practice", "ally_map")],
    spawn_name="Market gate (start)",
))


# ---- Level 7: My Toolkit — the hilltop lookout -------------------------------
PLACES.append(Place(
    folder="level7_my_toolkit",
    title="My Toolkit",
    rows=[
        # 0         1         2         3
        # 0123456789012345678901234567890123456789
        "........................................",  # 0
        "AKTTTKTTTATKTPTTPATTKKKKPPTPPTPPKTTPTKPP",  # 1
        "K..TTP.....P.PP.TT.P..+--------------+.P",  # 2
        "P...................%.|;n;;;n;;;;n;;n|.T",  # 3
        "T...........P.TrK...,.|;;;N;;1;;;;;;;|PT",  # 4
        "PK...............,....|;F;;;;h;;h;;F;;=E",  # 5
        "~~~~~~~~~~~~:..,..*.r.|;;;;;;;;;;2;;;;=E",  # 6
        "~~~~~~~~~~~~:..,......|;;;;;;;C;;;;;;|KK",  # 7
        "~~~~~~~~~~~:........,.|;;;;;;;;;;;;;;|.A",  # 8
        "~~~~~~~~~~e...........+----;;--------+.T",  # 9
        "~~~~~~~~~::...,.,..........==.........PK",  # 10
        "~~~~~~~~:...F...,...K.r....==..........P",  # 11
        "~~~w~~~:................,..==.r.K.*....P",  # 12
        "~~~~~~~:........,....,.....==,.,..T....T",  # 13
        "~~~~~~~:........=============....,.....A",  # 14
        "~~~~~~~e:.......=============.........rK",  # 15
        "~~~~~~~:........==...........f......,,.T",  # 16
        "~~~~~~~~:.......==....,....,...A.*.F..TP",  # 17
        "~~~~~~w~~:......==.r.*..,.,..f..,...,..T",  # 18
        "~~~~~~~~~~:...,.==,........,..........PP",  # 19
        "~~~~~~~~~~~::...==.......K..r..T..,.P.KT",  # 20
        "~~~~~~~~~~~e..,.==...........,........TK",  # 21
        "~~~~~~~~~~~~:...========.,......,..,...P",  # 22
        "~~~~~~~~~~~~:...========............,.TP",  # 23
        "~~w~~~~~~~~~:..,......==......F.A..r...P",  # 24
        "~~~~~~~~~~~~::r......S==..,..,.........P",  # 25
        "~~~~~~~~~~~~e.......%.==........,K....,P",  # 26
        "~~~~~yy~~~~:...%...,..==G.t..n....,....P",  # 27
        "~~~~~~~~~~:...........==.......,.......A",  # 28
        "~~~~~~~~~:............@=..............KA",  # 29
    ],
    npcs={"G": ("Glim at the foot of the hill", "guide_intro", "guide", "left"),
          "1": ("Maya at the lookout", "maya", "npc_maya", "down"),
          "2": ("Sam on the summit", "sam", "npc_sam", "left")},
    sign=("Hill trail sign", "sign_hill"),
    checkpoint=("Summit checkpoint", "summit"),
    exit=("Path over the hill", "guide_intro, practice:skills_review, practice:toolkit"),
    extras=[("N", 0, "Review board", "practice", "skills_review"),
            ("n", 2, "Summit bench", "practice", "toolkit")],
    spawn_name="Foot of the hill (start)",
))


# ==========================================================================
# building
# ==========================================================================

class MapError(Exception):
    pass


def _mat(ch):
    m = GROUND.get(ch)
    return MAT_FAMILY.get(m, m) if m else None


def infer_ground(rows):
    """Material per cell; object/decor cells borrow the most common neighbour ground."""
    g = [[None] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            ch = rows[y][x]
            if ch in GROUND:
                g[y][x] = GROUND[ch]
            elif ch in FORCED_GROUND:
                g[y][x] = FORCED_GROUND[ch]
    prefer = ["path", "bw_v", "bw_h", "plaza", "plaza_warm", "floor", "sand", "grass", "water", "stone"]
    for _ in range(W + H):
        changed = False
        for y in range(H):
            for x in range(W):
                if g[y][x] is not None:
                    continue
                votes = Counter()
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    xx, yy = x + dx, y + dy
                    if 0 <= xx < W and 0 <= yy < H and g[yy][xx] is not None:
                        m = MAT_FAMILY.get(g[yy][xx], g[yy][xx])
                        if m in ("water", "stone") and rows[y][x] not in FORCED_GROUND:
                            continue  # props never float unless told to
                        votes[m] += 1
                if votes:
                    best = max(votes.values())
                    cands = [m for m in votes if votes[m] == best]
                    cands.sort(key=lambda m: prefer.index(m) if m in prefer else 99)
                    # a tie follows the left (then upper) neighbour, so props continue a row's ground
                    for dx, dy in ((-1, 0), (0, -1)):
                        xx, yy = x + dx, y + dy
                        if 0 <= xx < W and 0 <= yy < H and g[yy][xx] is not None \
                                and MAT_FAMILY.get(g[yy][xx], g[yy][xx]) in cands:
                            cands = [MAT_FAMILY.get(g[yy][xx], g[yy][xx])]
                            break
                    g[y][x] = cands[0]
                    changed = True
        if not changed:
            break
    for y in range(H):
        for x in range(W):
            if g[y][x] is None:
                g[y][x] = "grass"
    return g


def _fam(m):
    return MAT_FAMILY.get(m, m)


def ground_tiles(key, g, names):
    rnd = random.Random("glimmer-map:" + key)
    out = [[0] * W for _ in range(H)]

    def mat(x, y, default):
        if 0 <= x < W and 0 <= y < H:
            return _fam(g[y][x])
        return default

    for y in range(H):
        for x in range(W):
            m = g[y][x]
            fm = _fam(m)
            r = rnd.random()
            if fm == "grass":
                if m == "grass_f":
                    name = "grass_2" if r < .5 else "grass_3"
                else:
                    name = "grass_0" if r < .72 else "grass_1" if r < .86 else "grass_2" if r < .93 else "grass_3"
            elif fm in ("path", "sand", "water", "plaza"):
                if fm == "water":
                    other = lambda mm: mm in LAND  # noqa: E731
                else:
                    other = lambda mm: mm == "grass"  # noqa: E731
                sides = ""
                for ch, (dx, dy) in zip("nesw", ((0, -1), (1, 0), (0, 1), (-1, 0))):
                    if other(mat(x + dx, y + dy, fm)):
                        sides += ch
                if sides:
                    name = f"{fm}_edge_{sides}"
                else:
                    inner = ""
                    for c, (dx, dy) in (("nw", (-1, -1)), ("ne", (1, -1)), ("sw", (-1, 1)), ("se", (1, 1))):
                        if other(mat(x + dx, y + dy, fm)):
                            inner = c
                            break
                    if inner:
                        name = f"{fm}_inner_{inner}"
                    elif fm == "path":
                        name = "path" if r < .75 else "path_2"
                    elif fm == "sand":
                        name = "sand" if r < .85 else "sand_2"
                    elif fm == "plaza":
                        name = "plaza" if r < .9 else "plaza_2" if r < .96 else "plaza_3"
                    else:
                        name = "water" if r < .7 else "water_2"
            elif fm == "floor":
                name = "floor_wood"
            elif fm == "plaza_warm":
                name = "plaza_warm"
            elif fm == "bw_h":
                name = "boardwalk_h"
            elif fm == "bw_v":
                name = "boardwalk_v"
            elif fm == "stone":
                name = "water_stone"
            else:
                raise MapError(f"unknown ground {m}")
            out[y][x] = names[name] + 1
    return out


def _run_pos(rows, x, y, same):
    left = x > 0 and rows[y][x - 1] in same
    right = x < W - 1 and rows[y][x + 1] in same
    return "m" if left and right else "l" if right else "r" if left else "m"


def build(place: Place, names, collides):
    rows = place.rows
    if len(rows) != H:
        raise MapError(f"{place.folder}: {len(rows)} rows, want {H}")
    for i, r in enumerate(rows):
        if len(r) != W:
            raise MapError(f"{place.folder}: row {i} has {len(r)} columns, want {W}: {r!r}")
    known = set(GROUND) | set(TREES) | set(SIMPLE_DECOR) | set(WALLS) | set(ROOFS) | set(AWNINGS) | MARKERS | set("LyO^M")
    for y, r in enumerate(rows):
        for x, ch in enumerate(r):
            if ch not in known:
                raise MapError(f"{place.folder}: unknown character {ch!r} at ({x},{y})")

    g = infer_ground(rows)
    ground = ground_tiles(place.folder, g, names)
    decor = [[0] * W for _ in range(H)]
    above = [[0] * W for _ in range(H)]

    def setl(layer, x, y, name):
        if 0 <= x < W and 0 <= y < H:
            layer[y][x] = names[name] + 1

    roof_chars = set(ROOFS) | {"^"}
    for y in range(H):
        for x in range(W):
            ch = rows[y][x]
            if ch in TREES:
                setl(decor, x, y, f"{TREES[ch]}_trunk")
                setl(above, x, y - 1, f"{TREES[ch]}_canopy")
            elif ch in WALLS:
                up = y > 0 and rows[y - 1][x] in WALLS
                down = y < H - 1 and rows[y + 1][x] in WALLS
                mat, feat = WALLS[ch]
                if up:
                    name = f"door_{mat}_lower" if feat == "door" else \
                        f"wall_{mat}_lower" + ("_window" if feat == "window" else "")
                elif down:
                    name = f"wall_{mat}_upper" + ("_window" if feat == "window" else "")
                else:
                    name = f"door_{mat}" if feat == "door" else f"wall_{mat}" + ("_window" if feat == "window" else "")
                setl(decor, x, y, name)
            elif ch == "+":
                # a corner post joins the fence it touches
                horiz = any(0 <= x + dx < W and rows[y][x + dx] == "-" for dx in (-1, 1))
                vert = any(0 <= y + dy < H and rows[y + dy][x] == "|" for dy in (-1, 1))
                setl(decor, x, y, "fence_h" if horiz else "fence_v" if vert else "fence_post")
            elif ch in SIMPLE_DECOR:
                setl(decor, x, y, SIMPLE_DECOR[ch])
            elif ch == "L":
                setl(decor, x, y, "lamp_post")
                setl(above, x, y - 1, "lamp_top")
            elif ch == "y":
                left = x > 0 and rows[y][x - 1] == "y" and (x < 2 or rows[y][x - 2] != "y")
                setl(decor, x, y, "boat_r" if left else "boat_l")
            elif ch == "O":
                l = x > 0 and rows[y][x - 1] == "O"
                t = y > 0 and rows[y - 1][x] == "O"
                setl(decor, x, y, f"fountain_{'b' if t else 't'}{'r' if l else 'l'}")
            elif ch in roof_chars:
                colour = ROOFS.get(ch)
                if ch == "^":
                    for dx in (-1, 1, -2, 2):
                        if 0 <= x + dx < W and rows[y][x + dx] in ROOFS:
                            colour = ROOFS[rows[y][x + dx]]
                            break
                    setl(above, x, y, f"roof_{colour}_chimney")
                    continue
                up = y > 0 and rows[y - 1][x] in roof_chars
                down = y < H - 1 and rows[y + 1][x] in roof_chars
                row = "mid" if up and down else "bot" if up else "top"
                setl(above, x, y, f"roof_{colour}_{row}_{_run_pos(rows, x, y, roof_chars)}")
            elif ch in AWNINGS:
                setl(above, x, y, f"awning_{AWNINGS[ch]}_{_run_pos(rows, x, y, set(AWNINGS))}")
            elif ch == "M":
                colour = "red"
                for yy in range(y - 1, -1, -1):
                    if rows[yy][x] in AWNINGS:
                        colour = AWNINGS[rows[yy][x]]
                        break
                setl(decor, x, y, f"counter_{colour}_{_run_pos(rows, x, y, {'M'})}")

    def solid(x, y):
        return any(collides.get(layer[y][x] - 1, False) for layer in (ground, decor, above) if layer[y][x])

    # ---- objects ---------------------------------------------------------
    objects = []

    def obj(name, typ, cells, props=None):
        xs = [c[0] for c in cells]
        ys = [c[1] for c in cells]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        if len(cells) != (x1 - x0 + 1) * (y1 - y0 + 1):
            raise MapError(f"{place.folder}: {typ} cells {cells} are not a rectangle")
        objects.append(dict(name=name, type=typ, x=x0 * TILE, y=y0 * TILE,
                            w=(x1 - x0 + 1) * TILE, h=(y1 - y0 + 1) * TILE,
                            cells=cells, props=props or {}))

    def cells_of(ch):
        return [(x, y) for y in range(H) for x in range(W) if rows[y][x] == ch]

    spawn = cells_of("@")
    if len(spawn) != 1:
        raise MapError(f"{place.folder}: need exactly one spawn '@', found {len(spawn)}")
    obj(place.spawn_name, "spawn", spawn)
    gname, gfacing = place.guide
    guide = cells_of("G")
    if len(guide) != 1:
        raise MapError(f"{place.folder}: need exactly one guide 'G'")
    obj(gname, "npc", guide, {"g_dialogue": "guide_intro", "g_sprite": "guide", "g_facing": gfacing})
    for marker, (name, dialogue, sprite, facing) in place.npcs.items():
        if marker == "G":
            continue
        cs = cells_of(marker)
        if len(cs) != 1:
            raise MapError(f"{place.folder}: NPC marker {marker!r} must appear once")
        obj(name, "npc", cs, {"g_dialogue": dialogue, "g_sprite": sprite, "g_facing": facing})
    for m in "1234":
        if cells_of(m) and m not in place.npcs:
            raise MapError(f"{place.folder}: marker {m!r} has no NPC entry")
    signs = cells_of("S")
    if not signs:
        raise MapError(f"{place.folder}: no signpost 'S'")
    obj(place.sign[0], "sign", signs[:1], {"g_dialogue": place.sign[1]})
    if place.planner:
        boards = cells_of("N")
        if not boards:
            raise MapError(f"{place.folder}: planner needs a notice board 'N'")
        obj(place.planner[0], "planner", boards[:1], {"g_board": place.planner[1]})
    for ch, nth, name, kind, key in place.extras:
        cs = cells_of(ch)
        if len(cs) <= nth:
            raise MapError(f"{place.folder}: {kind} {name!r} needs a {ch!r} prop number {nth + 1}")
        obj(name, kind, [cs[nth]], {f"g_{kind}": key})
    qs = cells_of("?")
    if len(qs) != len(place.thoughts):
        raise MapError(f"{place.folder}: {len(qs)} '?' cells but {len(place.thoughts)} thoughts listed")
    for cell, (name, enc) in zip(qs, place.thoughts):
        obj(name, "thought", [cell], {"g_encounter": enc})
    cp = cells_of("C")
    if not cp:
        raise MapError(f"{place.folder}: no checkpoint 'C'")
    obj(place.checkpoint[0], "checkpoint", cp, {"g_checkpoint": place.checkpoint[1]})
    ex = cells_of("E")
    if not ex:
        raise MapError(f"{place.folder}: no exit 'E'")
    obj(place.exit[0], "exit", ex, {"g_requires": place.exit[1]} if place.exit[1] else {})

    # ---- walkability + reachability -------------------------------------
    npc_cells = {c for o in objects if o["type"] == "npc" for c in o["cells"]}
    for o in objects:
        if o["type"] in ("spawn", "npc", "exit", "checkpoint", "thought"):
            for (x, y) in o["cells"]:
                if solid(x, y):
                    raise MapError(f"{place.folder}: {o['type']} {o['name']!r} on solid cell ({x},{y})")
        if o["type"] in ("sign", "planner") or any(o["type"] == e[3] for e in place.extras):
            (x, y), = o["cells"]
            if not solid(x, y):
                raise MapError(f"{place.folder}: {o['type']} {o['name']!r} must sit on a solid prop")
    (sx, sy), = spawn
    seen = {(sx, sy)}
    q = deque([(sx, sy)])
    while q:
        x, y = q.popleft()
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            xx, yy = x + dx, y + dy
            if 0 <= xx < W and 0 <= yy < H and (xx, yy) not in seen and not solid(xx, yy) \
                    and (xx, yy) not in npc_cells:
                seen.add((xx, yy))
                q.append((xx, yy))

    def touches_reachable(x, y):
        return any((x + dx, y + dy) in seen for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))

    problems = []
    for o in objects:
        for (x, y) in o["cells"]:
            if o["type"] in ("exit", "checkpoint", "thought", "spawn") and (x, y) not in seen:
                problems.append(f"{o['type']} {o['name']!r} at ({x},{y}) is not reachable from the spawn")
            if (o["type"] in ("npc", "sign", "planner") or any(o["type"] == e[3] for e in place.extras)) \
                    and not touches_reachable(x, y):
                problems.append(f"{o['type']} {o['name']!r} at ({x},{y}) cannot be reached to talk to")
    if problems:
        raise MapError(f"{place.folder}: " + "; ".join(problems))
    return ground, decor, above, objects


# ==========================================================================
# TMX writer (Tiled 1.8)
# ==========================================================================

def tmx_text(place: Place, ground, decor, above, objects) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
        f'width="{W}" height="{H}" tilewidth="{TILE}" tileheight="{TILE}" infinite="0" '
        f'nextlayerid="5" nextobjectid="{len(objects) + 1}">',
        " <properties>",
        f"  <property name=\"g_title\" value={quoteattr(place.title)}/>",
        f"  <property name=\"g_level\" value={quoteattr(place.folder)}/>",
        " </properties>",
        ' <tileset firstgid="1" source="../tilesets/overworld.tsx"/>',
    ]
    for lid, (name, grid) in enumerate((("ground", ground), ("decor", decor), ("above", above)), 1):
        out.append(f' <layer id="{lid}" name="{name}" width="{W}" height="{H}">')
        out.append('  <data encoding="csv">')
        lines = [",".join(str(v) for v in row) for row in grid]
        out.append(",\n".join(lines))
        out.append("</data>")
        out.append(" </layer>")
    out.append(' <objectgroup id="4" name="objects">')
    for oid, o in enumerate(objects, 1):
        head = (f'  <object id="{oid}" name={quoteattr(o["name"])} type="{o["type"]}" '
                f'x="{o["x"]}" y="{o["y"]}" width="{o["w"]}" height="{o["h"]}"')
        if o["props"]:
            out.append(head + ">")
            out.append("   <properties>")
            for k, v in sorted(o["props"].items()):
                assert k.startswith("g_"), k
                out.append(f"    <property name=\"{k}\" value={quoteattr(v)}/>")
            out.append("   </properties>")
            out.append("  </object>")
        else:
            out.append(head + "/>")
    out.append(" </objectgroup>")
    out.append("</map>")
    return "\n".join(out) + "\n"


def main(argv) -> int:
    check = "--check" in argv
    names, collides = load_tileset()
    stale = []
    for place in PLACES:
        ground, decor, above, objects = build(place, names, collides)
        path = ROOT / "levels" / place.folder / "map.tmx"
        text = tmx_text(place, ground, decor, above, objects)
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        counts = Counter(o["type"] for o in objects)
        print(f"{place.folder}: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if check:
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except MapError as e:
        print(f"make_maps: {e}", file=sys.stderr)
        sys.exit(2)
