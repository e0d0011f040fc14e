"""Given names the digest knows as names, in the languages Mirror reads.

A name written once, as the first word of a terse sentence ("Lucía llamó.", "Marek
przyszedł.", "Jana zum Geburtstag gratuliert."), looks like any other word a sentence opens
on ("Ambulance took 22 minutes", "Kierownik zmienił mi grafik"): its capital says nothing.
`people` keeps such a word as someone only when it recurs as a name does; this lexicon is
the other way to know it — the word is a given name of one of Mirror's languages. Only the
nominative, as a name is said opening a sentence.

Names that are also ordinary words of one of these languages are left out ("Rosa", pink;
"Ernst", earnest; "Will", "Grace", "Hope", "Mark"; "Luz", light; "Kai", a quay; "Paz",
peace; "Róża", rose): such a word opening a sentence once is no evidence of anyone, and a
person so named is still found by the other cues (`people` rules 2 and 3). A word the
period or the journal around it writes in lower case is an ordinary word whatever this
list says.
"""

from __future__ import annotations

from functools import cache

_GIVEN = {
    "en": """
        aaron adam alan albert alex alexander alice alison amanda amelia amy andrew angela
        anna anne anthony archie arthur ashley barbara becky ben benjamin beth bethany brian
        bridget callum carl caroline catherine charlie charlotte chloe chris christine
        claire connor craig daniel danny darren david debbie declan diane dominic donna
        dylan edward eleanor elizabeth ellie emily emma eric ethan evie fiona freddie gareth
        gary gemma george gordon graham hannah harriet harry hayley heather helen henry
        holly ian imogen isaac isabel isabella jack jacob james jamie jane janet jason
        jennifer jenny jessica joanne john jonathan joseph joshua julie justin karen kate
        katie keith kevin kieran laura lauren leah liam lily lisa louise lucy luke lydia
        maisie malcolm margaret martin matthew megan melissa michael michelle molly naomi
        natalie nathan neil nicola nicole niamh oliver olivia oscar owen patrick paul peter
        philip phoebe priya rachel rebecca richard robert rory ruby ryan samantha samuel
        sarah scott sean sophie stephen steven stuart susan tessa thomas timothy toby tom
        tony tracey vicky william zoe
    """,
    "es": """
        adrián agustín alberto alejandra alejandro alicia álvaro ana andrea andrés antonia
        antonio beatriz begoña carla carlos carmen carolina catalina cristina daniela david
        diego eduardo elena emilio enrique esther eva fernando francisco gabriel gonzalo
        guillermo gustavo hugo ignacio inés irene isabel jaime javier jimena joaquín jorge
        josé josefa juan juana julia julián laura leire leticia lorena lucas lucía luis
        manuel manuela marcos maría mariana mario marta martina mateo miguel mónica natalia
        nerea nicolás noelia nuria óscar pablo paco patricia pedro rafael raquel ramón raúl
        ricardo roberto rodrigo rubén samuel sara sergio silvia sofía susana teresa tomás
        valentina verónica vicente víctor ximena yolanda
    """,
    "de": """
        andrea andreas anja anke annika antje axel barbara bastian benedikt bernd birgit
        björn carsten christian christoph claudia cornelia dagmar daniel dennis dieter dirk
        doris elke emil emilia erik eva fabian felix finn florian franziska frieda friedrich
        gabi georg gerd gisela greta gudrun günter hannah hannes hans heike heiko heinz
        helga holger ina ingrid jan jana jens jonas jörg josef julia jürgen karin karl
        katharina katja kerstin klaus konstantin lars lea lena leon leonie lisa luisa lukas
        lutz manfred marcel maria marie marlene martina matthias maximilian melanie michael
        mia monika moritz nadine nico niklas nina paul petra philipp ralf renate rüdiger
        sabine sandra sebastian silke simon sophie stefan steffen susanne sven thomas
        thorsten tim tobias torsten ulrich ulrike ursula uta uwe werner wolfgang yvonne
    """,
    "fr": """
        adèle agathe alain alexandre amélie antoine arnaud aurélie baptiste béatrice benoît
        bernard camille céline chantal charlotte christophe claire clément coralie damien
        delphine denis didier dominique élodie émilie émile étienne fabien françois
        françoise frédéric gaëlle geneviève guillaume hélène hugo inès isabelle jacques jean
        jérôme joël julien laetitia léa léo louis lucas lucie manon margaux mathieu mathilde
        maxime mélanie michel monique nathalie nicolas noé océane pascal patrice pauline
        philippe pierre quentin raphaël rémi sandrine sébastien simone solène sophie
        stéphane sylvie thierry thomas valérie véronique vincent virginie yann yves
    """,
    "it": """
        alessandra alessandro alessia andrea angela anna antonio arianna beatrice carlo
        chiara claudia cristina daniele davide elena elisa emanuele enrico federica federico
        filippo francesca francesco gabriele giacomo gianluca giorgia giorgio giovanna
        giovanni giulia giulio giuseppe ilaria laura leonardo lorenzo luca lucia luigi marco
        maria martina matteo michela michele nicola paola paolo pietro riccardo roberta
        roberto sara silvia simona simone stefania stefano tommaso valentina valerio
    """,
    "nl": """
        anouk bram daan dirk eline emma esther femke fleur geert hanneke henk inge jaap jan
        jasper jeroen joost joris karin kees koen lieke lotte luuk maarten marieke marloes
        niels noor pieter ruben sander sanne saskia stijn thijs tijs wouter yvonne
    """,
    "pt": """
        afonso ana antónio beatriz bruno carla carolina catarina cláudia daniela diogo
        duarte eduardo fernanda filipa francisca gabriela gonçalo guilherme helena inês
        joana joão jorge lara leonor luana lucas luísa manuel mariana matilde miguel nuno
        patrícia paulo pedro raquel ricardo rodrigo rui sofia tiago vasco
    """,
    "pl": """
        adam adrian agata agnieszka aleksander aleksandra alicja andrzej ania anna antoni
        antek barbara bartek bartosz beata bogdan bożena czesław damian daria dariusz dawid
        dominik dorota edyta elżbieta ewa ewelina filip franek grażyna grzegorz halina hania
        heniek henryk irena iwona jacek jadwiga jakub jan janek janina janusz jarek jerzy
        joanna jola jolanta józef julia justyna kacper kamil kamila karol karolina kasia
        katarzyna kazimierz krystyna krzysiek krzysztof kuba leszek łukasz maciek maciej
        magda magdalena małgorzata marcin marek mariusz marta marzena mateusz michał monika
        natalia olek oliwia paweł piotr przemek rafał renata robert ryszard sebastian
        stanisław staszek szymon tadeusz tomek tomasz urszula wiesław witold wojtek wojciech
        zbigniew zdzisław zosia zofia zuzia zuzanna
    """,
}


@cache
def _all() -> frozenset[str]:
    return frozenset(w for words in _GIVEN.values() for w in words.split())


def given_name(word: str) -> bool:
    """Whether `word` (as written, one word) is a given name the lexicon knows, in any of
    Mirror's languages: a journal in one language names people of others ("Priya" in an
    English one, "Sergio" in a German one)."""
    return " " not in word and word.casefold() in _all()
