// The product's own questionnaire, version tifaktor-2026.1. All statements are original texts written
// for tifaktor from the published one-line factor definitions; they are not KS's licensed statements.
// A municipality that holds the official list loads it as another version with the same shape.
//
// Split (36 in all): mestringsorientert ledelse 5 (direction, meaning, individual attention,
// development, feedback); mestringstro, autonomi, rolleklarhet and mestringsklima 4 each; the other
// five factors 3 each. The order interleaves the factors so that no two neighbouring statements
// belong to the same factor.
//
// Never edit the texts of a released version in place: responses refer to statements by id, and a
// changed text means a new version.
import { OPEN_TEXT_MAX_LENGTH, type Questionnaire } from './types';

export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  version: 'tifaktor-2026.1',
  statements: [
    {
      id: 's01',
      factor: 'indre-motivasjon',
      order: 1,
      text: {
        nb: 'Jeg blir engasjert av det jeg gjør på jobb.',
        nn: 'Eg blir engasjert av det eg gjer på jobb.',
        en: 'I feel engaged by what I do at work.',
      },
    },
    {
      id: 's02',
      factor: 'rolleklarhet',
      order: 2,
      text: {
        nb: 'Jeg vet hva som forventes av meg på jobb.',
        nn: 'Eg veit kva som er venta av meg på jobb.',
        en: 'I know what is expected of me at work.',
      },
    },
    {
      id: 's03',
      factor: 'autonomi',
      order: 3,
      text: {
        nb: 'Jeg får selv bestemme hvordan jeg løser mange av oppgavene mine.',
        nn: 'Eg får sjølv bestemme korleis eg løyser mange av oppgåvene mine.',
        en: 'I get to decide for myself how to carry out many of my tasks.',
      },
    },
    {
      id: 's04',
      factor: 'mestringsklima',
      order: 4,
      text: {
        nb: 'Vi hjelper hverandre med å bli bedre i jobben.',
        nn: 'Vi hjelper kvarandre med å bli betre i jobben.',
        en: 'We help each other get better at our jobs.',
      },
    },
    {
      id: 's05',
      factor: 'prososial-motivasjon',
      order: 5,
      text: {
        nb: 'Det er viktig for meg at arbeidet mitt gjør en forskjell for andre.',
        nn: 'Det er viktig for meg at arbeidet mitt gjer ein skilnad for andre.',
        en: 'It matters to me that my work makes a difference to others.',
      },
    },
    {
      id: 's06',
      factor: 'mestringstro',
      order: 6,
      text: {
        nb: 'Jeg er trygg på at jeg klarer arbeidsoppgavene mine.',
        nn: 'Eg er trygg på at eg klarar arbeidsoppgåvene mine.',
        en: 'I am confident that I can handle my work tasks.',
      },
    },
    {
      id: 's07',
      factor: 'mestringsorientert-ledelse',
      order: 7,
      text: {
        nb: 'Lederen min gjør det tydelig hva vi skal oppnå som arbeidsplass.',
        nn: 'Leiaren min gjer det tydeleg kva vi skal oppnå som arbeidsplass.',
        en: 'My leader makes it clear what we are trying to achieve as a workplace.',
      },
    },
    {
      id: 's08',
      factor: 'bruk-av-kompetanse',
      order: 8,
      text: {
        nb: 'Jeg får brukt kunnskapene og ferdighetene mine i jobben.',
        nn: 'Eg får brukt kunnskapane og dugleikane mine i jobben.',
        en: 'I get to use my knowledge and skills in my job.',
      },
    },
    {
      id: 's09',
      factor: 'relevant-kompetanseutvikling',
      order: 9,
      text: {
        nb: 'Jeg får muligheter til å lære det jeg trenger for å gjøre jobben min godt.',
        nn: 'Eg får høve til å lære det eg treng for å gjere jobben min godt.',
        en: 'I get opportunities to learn what I need to do my job well.',
      },
    },
    {
      id: 's10',
      factor: 'fleksibilitetsvilje',
      order: 10,
      text: {
        nb: 'Jeg er villig til å endre måten jeg jobber på når behovene endrer seg.',
        nn: 'Eg er viljug til å endre måten eg arbeider på når behova endrar seg.',
        en: 'I am willing to change the way I work when needs change.',
      },
    },
    {
      id: 's11',
      factor: 'autonomi',
      order: 11,
      text: {
        nb: 'Lederen min stoler på at jeg gjør gode vurderinger på egen hånd.',
        nn: 'Leiaren min stolar på at eg gjer gode vurderingar på eiga hand.',
        en: 'My leader trusts me to make good judgements on my own.',
      },
    },
    {
      id: 's12',
      factor: 'mestringsorientert-ledelse',
      order: 12,
      text: {
        nb: 'Lederen min forklarer hvorfor arbeidet vårt er viktig.',
        nn: 'Leiaren min forklarar kvifor arbeidet vårt er viktig.',
        en: 'My leader explains why our work matters.',
      },
    },
    {
      id: 's13',
      factor: 'mestringstro',
      order: 13,
      text: {
        nb: 'Når noe uventet skjer på jobb, stoler jeg på at jeg finner en løsning.',
        nn: 'Når noko uventa skjer på jobb, stolar eg på at eg finn ei løysing.',
        en: 'When something unexpected happens at work, I trust myself to find a solution.',
      },
    },
    {
      id: 's14',
      factor: 'indre-motivasjon',
      order: 14,
      text: {
        nb: 'Jeg gleder meg ofte til å ta fatt på arbeidsoppgavene mine.',
        nn: 'Eg gler meg ofte til å ta fatt på arbeidsoppgåvene mine.',
        en: 'I often look forward to getting started on my work tasks.',
      },
    },
    {
      id: 's15',
      factor: 'rolleklarhet',
      order: 15,
      text: {
        nb: 'Jeg vet hvilke oppgaver jeg skal prioritere når det er mye å gjøre.',
        nn: 'Eg veit kva oppgåver eg skal prioritere når det er mykje å gjere.',
        en: 'I know which tasks to put first when there is a lot to do.',
      },
    },
    {
      id: 's16',
      factor: 'mestringsklima',
      order: 16,
      text: {
        nb: 'Vi deler gjerne kunnskap og erfaringer med hverandre på jobb.',
        nn: 'Vi deler gjerne kunnskap og erfaringar med kvarandre på jobb.',
        en: 'At work, we readily share knowledge and experience with each other.',
      },
    },
    {
      id: 's17',
      factor: 'fleksibilitetsvilje',
      order: 17,
      text: {
        nb: 'Jeg er åpen for å ta i bruk ny teknologi og nye verktøy i jobben.',
        nn: 'Eg er open for å ta i bruk ny teknologi og nye verktøy i jobben.',
        en: 'I am open to using new technology and new tools in my job.',
      },
    },
    {
      id: 's18',
      factor: 'prososial-motivasjon',
      order: 18,
      text: {
        nb: 'Jeg gjør gjerne en ekstra innsats når det er til hjelp for dem vi er til for.',
        nn: 'Eg gjer gjerne ein ekstra innsats når det er til hjelp for dei vi er til for.',
        en: 'I gladly make an extra effort when it helps the people we are here for.',
      },
    },
    {
      id: 's19',
      factor: 'bruk-av-kompetanse',
      order: 19,
      text: {
        nb: 'Oppgavene jeg får, passer til den kompetansen jeg har.',
        nn: 'Oppgåvene eg får, passar til den kompetansen eg har.',
        en: 'The tasks I am given match the competence I have.',
      },
    },
    {
      id: 's20',
      factor: 'relevant-kompetanseutvikling',
      order: 20,
      text: {
        nb: 'Kursene og opplæringen jeg får tilbud om, er nyttige for arbeidet mitt.',
        nn: 'Kursa og opplæringa eg får tilbod om, er nyttige for arbeidet mitt.',
        en: 'The courses and training I am offered are useful for my work.',
      },
    },
    {
      id: 's21',
      factor: 'mestringsorientert-ledelse',
      order: 21,
      text: {
        nb: 'Lederen min bryr seg om hvordan det går med meg i jobben.',
        nn: 'Leiaren min bryr seg om korleis det går med meg i jobben.',
        en: 'My leader cares about how I am getting on in my job.',
      },
    },
    {
      id: 's22',
      factor: 'rolleklarhet',
      order: 22,
      text: {
        nb: 'Det er klart for meg hvem jeg skal samarbeide med, og om hva.',
        nn: 'Det er klart for meg kven eg skal samarbeide med, og om kva.',
        en: 'It is clear to me whom I should work with, and on what.',
      },
    },
    {
      id: 's23',
      factor: 'indre-motivasjon',
      order: 23,
      text: {
        nb: 'Jobben min gir meg oppgaver jeg synes er interessante å holde på med.',
        nn: 'Jobben min gjev meg oppgåver eg synest er interessante å halde på med.',
        en: 'My job gives me tasks I find interesting to work on.',
      },
    },
    {
      id: 's24',
      factor: 'mestringstro',
      order: 24,
      text: {
        nb: 'Jeg har tro på at jeg også kan mestre nye og krevende oppgaver.',
        nn: 'Eg har tru på at eg òg kan meistre nye og krevjande oppgåver.',
        en: 'I believe I can also master new and demanding tasks.',
      },
    },
    {
      id: 's25',
      factor: 'relevant-kompetanseutvikling',
      order: 25,
      text: {
        nb: 'Jeg får faglig påfyll som passer til rollen min.',
        nn: 'Eg får fagleg påfyll som passar til rolla mi.',
        en: 'I get professional development that suits my role.',
      },
    },
    {
      id: 's26',
      factor: 'fleksibilitetsvilje',
      order: 26,
      text: {
        nb: 'Jeg tar gjerne på meg andre oppgaver enn de vanlige når arbeidsplassen trenger det.',
        nn: 'Eg tek gjerne på meg andre oppgåver enn dei vanlege når arbeidsplassen treng det.',
        en: 'I am happy to take on tasks other than my usual ones when the workplace needs it.',
      },
    },
    {
      id: 's27',
      factor: 'autonomi',
      order: 27,
      text: {
        nb: 'Jeg har stort nok handlingsrom til å tilpasse arbeidet etter situasjonen.',
        nn: 'Eg har stort nok handlingsrom til å tilpasse arbeidet etter situasjonen.',
        en: 'I have enough room to adapt my work to the situation at hand.',
      },
    },
    {
      id: 's28',
      factor: 'prososial-motivasjon',
      order: 28,
      text: {
        nb: 'Jeg blir motivert av å vite at jobben min er til nytte for andre.',
        nn: 'Eg blir motivert av å vite at jobben min er til nytte for andre.',
        en: 'Knowing that my job is useful to others motivates me.',
      },
    },
    {
      id: 's29',
      factor: 'mestringsklima',
      order: 29,
      text: {
        nb: 'Jeg lærer mye av kollegaene mine.',
        nn: 'Eg lærer mykje av kollegaene mine.',
        en: 'I learn a lot from my colleagues.',
      },
    },
    {
      id: 's30',
      factor: 'bruk-av-kompetanse',
      order: 30,
      text: {
        nb: 'Jobben gir meg utfordringer som står i forhold til det jeg kan.',
        nn: 'Jobben gjev meg utfordringar som står i høve til det eg kan.',
        en: 'My job gives me challenges that are in line with what I can do.',
      },
    },
    {
      id: 's31',
      factor: 'mestringsorientert-ledelse',
      order: 31,
      text: {
        nb: 'Lederen min hjelper meg å utvikle meg ut fra mine egne forutsetninger.',
        nn: 'Leiaren min hjelper meg å utvikle meg ut frå mine eigne føresetnader.',
        en: 'My leader helps me develop from my own starting point.',
      },
    },
    {
      id: 's32',
      factor: 'rolleklarhet',
      order: 32,
      text: {
        nb: 'Jeg vet hva som regnes som godt utført arbeid i jobben min.',
        nn: 'Eg veit kva som blir rekna som godt utført arbeid i jobben min.',
        en: 'I know what counts as a job well done in my role.',
      },
    },
    {
      id: 's33',
      factor: 'autonomi',
      order: 33,
      text: {
        nb: 'Jeg kan ta beslutninger i arbeidet mitt uten å måtte spørre om lov hver gang.',
        nn: 'Eg kan ta avgjerder i arbeidet mitt utan å måtte spørje om lov kvar gong.',
        en: 'I can make decisions in my work without having to ask for permission every time.',
      },
    },
    {
      id: 's34',
      factor: 'mestringsklima',
      order: 34,
      text: {
        nb: 'Hos oss er det viktigere å samarbeide enn å konkurrere med hverandre.',
        nn: 'Hos oss er det viktigare å samarbeide enn å konkurrere med kvarandre.',
        en: 'Where I work, cooperating matters more than competing with each other.',
      },
    },
    {
      id: 's35',
      factor: 'mestringstro',
      order: 35,
      text: {
        nb: 'Selv når arbeidsdagen blir annerledes enn planlagt, føler jeg at jeg har kontroll på jobben min.',
        nn: 'Sjølv når arbeidsdagen blir annleis enn planlagt, kjenner eg at eg har kontroll på jobben min.',
        en: 'Even when the working day turns out differently than planned, I feel in control of my job.',
      },
    },
    {
      id: 's36',
      factor: 'mestringsorientert-ledelse',
      order: 36,
      text: {
        nb: 'Lederen min gir meg tilbakemeldinger som hjelper meg å bli bedre.',
        nn: 'Leiaren min gjev meg tilbakemeldingar som hjelper meg å bli betre.',
        en: 'My leader gives me feedback that helps me improve.',
      },
    },
  ],
  background: [
    {
      id: 'gender',
      label: { nb: 'Kjønn', nn: 'Kjønn', en: 'Gender' },
      options: [
        { value: 'woman', label: { nb: 'Kvinne', nn: 'Kvinne', en: 'Woman' } },
        { value: 'man', label: { nb: 'Mann', nn: 'Mann', en: 'Man' } },
        { value: 'other', label: { nb: 'Annet', nn: 'Anna', en: 'Other' } },
      ],
    },
    {
      // 62 is the earliest age for retirement pension (AFP) in Norway, hence the last break.
      id: 'ageGroup',
      label: { nb: 'Alder', nn: 'Alder', en: 'Age' },
      options: [
        { value: 'under-25', label: { nb: 'Under 25 år', nn: 'Under 25 år', en: 'Under 25' } },
        { value: '25-34', label: { nb: '25–34 år', nn: '25–34 år', en: '25–34' } },
        { value: '35-44', label: { nb: '35–44 år', nn: '35–44 år', en: '35–44' } },
        { value: '45-54', label: { nb: '45–54 år', nn: '45–54 år', en: '45–54' } },
        { value: '55-61', label: { nb: '55–61 år', nn: '55–61 år', en: '55–61' } },
        { value: '62-plus', label: { nb: '62 år eller eldre', nn: '62 år eller eldre', en: '62 or older' } },
      ],
    },
    {
      id: 'education',
      label: {
        nb: 'Høyeste fullførte utdanning',
        nn: 'Høgaste fullførte utdanning',
        en: 'Highest completed education',
      },
      options: [
        {
          value: 'primary',
          label: { nb: 'Grunnskole', nn: 'Grunnskule', en: 'Primary and lower secondary school' },
        },
        {
          value: 'upper-secondary',
          label: {
            nb: 'Videregående skole eller fagbrev',
            nn: 'Vidaregåande skule eller fagbrev',
            en: 'Upper secondary school or trade certificate',
          },
        },
        {
          value: 'higher-up-to-4-years',
          label: {
            nb: 'Høyskole eller universitet, inntil 4 år',
            nn: 'Høgskule eller universitet, inntil 4 år',
            en: 'University or university college, up to 4 years',
          },
        },
        {
          value: 'higher-over-4-years',
          label: {
            nb: 'Høyskole eller universitet, mer enn 4 år',
            nn: 'Høgskule eller universitet, meir enn 4 år',
            en: 'University or university college, more than 4 years',
          },
        },
      ],
    },
    {
      // Norwegian puts a (non-breaking) space before %, English does not.
      id: 'positionPercentage',
      label: { nb: 'Stillingsprosent', nn: 'Stillingsprosent', en: 'Position size (percent of full time)' },
      options: [
        { value: 'under-50', label: { nb: 'Under 50\u00a0%', nn: 'Under 50\u00a0%', en: 'Under 50%' } },
        { value: '50-79', label: { nb: '50–79\u00a0%', nn: '50–79\u00a0%', en: '50–79%' } },
        { value: '80-99', label: { nb: '80–99\u00a0%', nn: '80–99\u00a0%', en: '80–99%' } },
        { value: '100', label: { nb: '100\u00a0%', nn: '100\u00a0%', en: '100%' } },
      ],
    },
    {
      id: 'leaderResponsibility',
      label: {
        nb: 'Har du lederansvar?',
        nn: 'Har du leiaransvar?',
        en: 'Do you have leadership responsibility?',
      },
      options: [
        { value: 'yes', label: { nb: 'Ja', nn: 'Ja', en: 'Yes' } },
        { value: 'no', label: { nb: 'Nei', nn: 'Nei', en: 'No' } },
      ],
    },
  ],
  openQuestion: {
    label: {
      nb: 'Er det noe annet du vil fortelle oss om arbeidsdagen din?',
      nn: 'Er det noko anna du vil fortelje oss om arbeidsdagen din?',
      en: 'Is there anything else you would like to tell us about your working day?',
    },
    warning: {
      nb:
        'Ikke skriv navn, og ikke skriv noe som kan avsløre hvem du er eller hvem andre er, for eksempel ' +
        'en bestemt hendelse, en diagnose eller en stilling som bare én person har. Dette gjelder også ' +
        'opplysninger om brukere og pasienter. Lederen din, tillitsvalgt og verneombud leser svarene.',
      nn:
        'Ikkje skriv namn, og ikkje skriv noko som kan avsløre kven du er eller kven andre er, til dømes ' +
        'ei bestemt hending, ein diagnose eller ei stilling som berre éin person har. Dette gjeld òg ' +
        'opplysningar om brukarar og pasientar. Leiaren din, tillitsvald og verneombod les svara.',
      en:
        'Do not write names or anything that could reveal who you are or who anyone else is, such as a ' +
        'particular incident, a diagnosis or a position that only one person holds. This also applies to ' +
        'information about service users and patients. Your leader, the union representative and the ' +
        'safety representative read the answers.',
    },
    maxLength: OPEN_TEXT_MAX_LENGTH,
  },
};
