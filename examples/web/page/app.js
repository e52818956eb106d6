'use strict';
// The coordinator's page: opens the programme, school and student files, hands them to
// peerkit (peerkit.js, the library compiled to WebAssembly) and shows what it returns.
// The page decides nothing about the programme: selection, pairing, the year and every
// text of the report come from the module. Nothing is fetched or sent after load; every
// text of an input is put on the page as text (textContent), never as markup.
//
// URL parameters: ?lang=en|nl chooses the language; ?created=SECONDS fixes the time
// year.ics is stamped with (whole seconds since 1970, as SOURCE_DATE_EPOCH for the
// tool), so a test can compare the downloads with the tool's files.

(() => {
  // --- words: every text of the page, in English and Dutch ------------------------------

  const WORDS = {
    en: {
      skip: 'Skip to the content',
      title: 'Peer support programme',
      privacy_short: 'Your files stay on this computer: nothing is sent anywhere.',
      privacy_long: 'peerkit runs inside this page. The files you open are read by your browser only; no data of any student leaves this computer. The downloads hold personal data of minors: keep them where only you can read them.',
      other_language: 'Nederlands',
      version: 'peerkit {0}',
      files_heading: '1. Open your files',
      files_intro: 'The programme document (JSON), the school document (JSON) and, if you like, a student list (CSV) from the student system or a holidays file.',
      choose_files: 'Choose files',
      or_drop: 'or drop them here',
      files_caption: 'Opened files and what each one is',
      file: 'File',
      used_as: 'Used as',
      remove: 'Remove',
      remove_file: 'Remove {0}',
      use_of: 'What {0} is',
      use_programme: 'programme document',
      use_school: 'school document',
      use_students: 'student list',
      use_holidays: 'holidays',
      use_unused: 'not used',
      school_missing: 'The programme names the school document “{0}”: open it too.',
      separator: 'Separator of the student list',
      sep_detect: 'find out from the header',
      sep_semicolon: 'semicolon (;)',
      sep_comma: 'comma (,)',
      check_heading: '2. Check and pair',
      problems_heading: 'Problems in the files',
      run: 'Select, pair and plan',
      reveal_summary: 'Reveal special-category data',
      reveal_intro: 'Origin, languages, needs and groups are special-category personal data. They are only shown and written into programme.json for a purpose you state; the purpose is recorded with the day.',
      reveal_purpose: 'Purpose',
      reveal_button: 'Reveal for this purpose',
      reveal_blank: 'State the purpose first: why do you need these data?',
      reveal_on: 'Special-category data are revealed for: {0}',
      reveal_stop: 'Hide again',
      results_heading: '3. The programme',
      view_selection: 'Selection',
      view_pairs: 'Pairs',
      view_unpaired: 'Unpaired',
      view_leaders: 'Leader duos',
      view_year: 'The year',
      view_checklist: 'Checklist',
      view_report: 'Report',
      view_pictures: 'Pictures',
      view_downloads: 'Downloads',
      status_loading: 'Loading peerkit…',
      status_no_module: 'peerkit.js could not be loaded: it belongs next to this page (build peerkit with PEERKIT_WITH_WEB).',
      status_ready: 'peerkit is ready. Open your files.',
      status_need_programme: 'Open the programme document (JSON with "peerkit": "programme/1").',
      status_checking: 'Checking the files…',
      status_valid: 'Checked, no problems: {0}',
      status_problems: '{0} problems in the files. Nothing was paired.',
      status_problem: '1 problem in the files. Nothing was paired.',
      status_running: 'Selecting, pairing and planning…',
      status_done: 'Done: the programme is selected, paired and planned.',
      status_done_again: 'Paired again with your choices.',
      status_downloaded: '{0} is saved in your downloads.',
      not_utf8: '{0}: is not UTF-8 text; save it as UTF-8',
      not_json: 'not JSON',
      feasible: 'Every student who asked for support has a supporter.',
      not_feasible: 'The programme is short:',
      needed: 'needed {0}',
      reserves: 'reserves {0}',
      open_places: 'open places {0}',
      units: 'units {0}',
      selection_caption: 'Candidates for {0}',
      rank: 'Rank',
      student: 'Student',
      verdict: 'Verdict',
      score: 'Score',
      average: 'Average grade',
      fail_marks: 'Fail marks',
      reasons: 'Reasons',
      verdict_accepted: 'accepted',
      verdict_reserve: 'reserve',
      verdict_rejected: 'rejected',
      pairing_summary: '{0} supportees supported, total score {1}; objective: {2}.',
      objective_most_supported: 'as many supportees supported as possible',
      objective_best_total_score: 'the best total score',
      objective_stable: 'stable pairs',
      objective_fairest: 'the fairest pairing',
      supports: '{0} supports {1}',
      score_total: 'score {0}',
      criteria_caption: 'Score of {0} and {1} per criterion',
      criterion: 'Criterion',
      points: 'Points',
      pinned: 'pinned',
      pin: 'Pin',
      forbid: 'Forbid',
      pin_pair: 'Pin {0} with {1}',
      forbid_pair: 'Forbid {0} with {1}',
      choices_heading: 'Your choices',
      choices_intro: 'Pin a pair to keep it, or forbid one to keep two students apart; peerkit then pairs again. Your choices are added to the programme document (pinned_pairs, forbidden_pairs).',
      choose_two: 'Pick two students',
      role: 'Role',
      supporter: 'Supporter',
      supportee: 'Supportee',
      pinned_pairs: 'Pinned pairs',
      forbidden_pairs: 'Forbidden pairs',
      no_choices: 'No pairs pinned or forbidden.',
      choice_refused: 'peerkit cannot take this choice: the problems are listed under “Problems in the files”. The pairs shown are unchanged.',
      remove_choice: 'Remove {0} – {1}',
      unpaired_supportees: 'Supportees without a supporter',
      unused_supporters: 'Supporters without a supportee',
      everyone_paired: 'Every supportee has a supporter, every supporter a supportee.',
      reason: 'Reason',
      reason_no_compatible_partner: 'every possible partner is excluded by a rule',
      reason_not_acceptable: 'no compatible partner ranks, or is ranked by, them',
      reason_all_taken: 'every compatible partner is taken by pairs at least as good',
      reason_no_gain: 'the only free partners would add nothing to the score',
      reason_not_optimal: 'a partner is still open: the pairing is not optimal',
      leaders_caption: 'Leader duos and their classes',
      duo: 'Duo',
      duo_score: 'Score of the duo',
      class: 'Class',
      class_score: 'Score for the class',
      no_class: 'no class',
      leader_reserves: 'Reserve leaders: {0}',
      uncovered_classes: 'Classes without a duo: {0}',
      no_leaders: 'This programme has no peer leaders.',
      explanation: 'Why',
      year_intro: 'School year {0}, region {1}: {2} activities.',
      week: 'Week',
      day: 'Day',
      time: 'Time',
      what: 'What',
      year_caption: '{0}: the activities by week',
      week_number: 'week {0}',
      ready: 'Ready to go live.',
      not_ready: 'Not ready to go live: {0} items block the start.',
      list_blocking: 'Blocks going live',
      list_open: 'To do once running',
      list_at_risk: 'At risk for keeping support (draagvlak)',
      list_done: 'Done',
      list_not_applicable: 'Not applicable',
      step: 'step {0}',
      state_not_started: 'not started',
      state_in_progress: 'in progress',
      state_done: 'done',
      state_not_applicable: 'not applicable',
      picture_of: 'The pairing of {0}: supporters left, supportees right, chosen pairs bold',
      no_pictures: 'No pictures: no role of this programme is paired one to one.',
      downloads_intro: 'The files exactly as peerkit run --output writes them.',
      download: 'Download {0}',
      size_kb: '{0} kB',
      file_report: 'the report for the coordinator',
      file_result: 'the result as data',
      file_programme: 'the programme after the run, with your choices',
      file_year: 'the year for a calendar program',
      file_dot: 'the pairing picture for Graphviz',
      file_svg: 'the pairing picture',
      role_peer_leader: 'peer leader',
      role_peer_buddy: 'peer buddy',
      role_newcomer_buddy: 'newcomer buddy',
      role_peer_tutor: 'peer tutor',
      role_peer_mentor: 'peer mentor',
      role_peer_coach: 'peer coach',
      role_confidant_student: 'confidant student',
      role_peer_mediator: 'peer mediator',
      role_peer_educator: 'peer educator',
      criterion_shared_interests: 'shared interests',
      criterion_offers_wants: 'offers what is wanted',
      criterion_special_category: 'special-category criteria (their sum)',
      criterion_personality_fit: 'personality fit',
      criterion_can_meet: 'both free when the role meets',
      criterion_common_language: 'a common language',
      criterion_origin_knowledge: 'knows the country of origin',
      event_training: 'training',
      event_newcomer_training: 'preparation of the newcomers',
      event_joint_training: 'joint training',
      event_first_meeting_round: 'first meeting round',
      event_pair_meeting: 'pair meeting',
      event_intervision: 'intervision',
      event_newcomer_intervision: 'newcomer intervision',
      event_bonding_activity: 'bonding activity',
      event_project_week: 'project week',
      event_shared_half_day: 'shared half-day',
      event_interim_evaluation: 'interim evaluation',
      event_final_evaluation: 'final evaluation',
      region_noord: 'north', region_midden: 'middle', region_zuid: 'south',
    },
    nl: {
      skip: 'Naar de inhoud',
      title: 'Peer support-programma',
      privacy_short: 'Je bestanden blijven op deze computer: er wordt niets verstuurd.',
      privacy_long: 'peerkit draait in deze pagina. De bestanden die je opent, leest alleen je browser; geen gegevens van leerlingen verlaten deze computer. De downloads bevatten persoonsgegevens van minderjarigen: bewaar ze waar alleen jij ze kunt lezen.',
      other_language: 'English',
      version: 'peerkit {0}',
      files_heading: '1. Open je bestanden',
      files_intro: 'Het programmadocument (JSON), het schooldocument (JSON) en eventueel een leerlingenlijst (CSV) uit het leerlingvolgsysteem of een bestand met vakanties.',
      choose_files: 'Kies bestanden',
      or_drop: 'of sleep ze hierheen',
      files_caption: 'Geopende bestanden en wat elk bestand is',
      file: 'Bestand',
      used_as: 'Gebruikt als',
      remove: 'Verwijderen',
      remove_file: '{0} verwijderen',
      use_of: 'Wat {0} is',
      use_programme: 'programmadocument',
      use_school: 'schooldocument',
      use_students: 'leerlingenlijst',
      use_holidays: 'vakanties',
      use_unused: 'niet gebruikt',
      school_missing: 'Het programma noemt het schooldocument „{0}”: open dat ook.',
      separator: 'Scheidingsteken van de leerlingenlijst',
      sep_detect: 'uit de kopregel halen',
      sep_semicolon: 'puntkomma (;)',
      sep_comma: 'komma (,)',
      check_heading: '2. Controleren en koppelen',
      problems_heading: 'Problemen in de bestanden',
      run: 'Selecteren, koppelen en plannen',
      reveal_summary: 'Bijzondere persoonsgegevens tonen',
      reveal_intro: 'Herkomst, talen, hulpvragen en groepen zijn bijzondere persoonsgegevens. Ze worden alleen getoond en in programme.json geschreven voor een doel dat je opgeeft; het doel wordt met de datum vastgelegd.',
      reveal_purpose: 'Doel',
      reveal_button: 'Tonen voor dit doel',
      reveal_blank: 'Geef eerst het doel op: waarvoor heb je deze gegevens nodig?',
      reveal_on: 'Bijzondere persoonsgegevens zijn zichtbaar voor: {0}',
      reveal_stop: 'Weer verbergen',
      results_heading: '3. Het programma',
      view_selection: 'Selectie',
      view_pairs: 'Koppels',
      view_unpaired: 'Niet gekoppeld',
      view_leaders: 'Peerleidersduo’s',
      view_year: 'Het jaar',
      view_checklist: 'Checklist',
      view_report: 'Rapport',
      view_pictures: 'Afbeeldingen',
      view_downloads: 'Downloads',
      status_loading: 'peerkit wordt geladen…',
      status_no_module: 'peerkit.js kon niet worden geladen: het hoort naast deze pagina te staan (bouw peerkit met PEERKIT_WITH_WEB).',
      status_ready: 'peerkit is klaar. Open je bestanden.',
      status_need_programme: 'Open het programmadocument (JSON met "peerkit": "programme/1").',
      status_checking: 'De bestanden worden gecontroleerd…',
      status_valid: 'Gecontroleerd, geen problemen: {0}',
      status_problems: '{0} problemen in de bestanden. Er is niets gekoppeld.',
      status_problem: '1 probleem in de bestanden. Er is niets gekoppeld.',
      status_running: 'Selecteren, koppelen en plannen…',
      status_done: 'Klaar: het programma is geselecteerd, gekoppeld en gepland.',
      status_done_again: 'Opnieuw gekoppeld met jouw keuzes.',
      status_downloaded: '{0} staat in je downloads.',
      not_utf8: '{0}: is geen UTF-8-tekst; sla het op als UTF-8',
      not_json: 'geen JSON',
      feasible: 'Elke leerling die om steun vroeg, heeft een ondersteuner.',
      not_feasible: 'Het programma komt tekort:',
      needed: 'nodig {0}',
      reserves: 'reserves {0}',
      open_places: 'open plaatsen {0}',
      units: 'eenheden {0}',
      selection_caption: 'Kandidaten voor {0}',
      rank: 'Plaats',
      student: 'Leerling',
      verdict: 'Besluit',
      score: 'Score',
      average: 'Gemiddeld cijfer',
      fail_marks: 'Onvoldoendes',
      reasons: 'Redenen',
      verdict_accepted: 'aangenomen',
      verdict_reserve: 'reserve',
      verdict_rejected: 'afgewezen',
      pairing_summary: '{0} leerlingen krijgen steun, totale score {1}; doel: {2}.',
      objective_most_supported: 'zo veel mogelijk leerlingen steun',
      objective_best_total_score: 'de hoogste totale score',
      objective_stable: 'stabiele koppels',
      objective_fairest: 'de eerlijkste koppeling',
      supports: '{0} ondersteunt {1}',
      score_total: 'score {0}',
      criteria_caption: 'Score van {0} en {1} per criterium',
      criterion: 'Criterium',
      points: 'Punten',
      pinned: 'vastgezet',
      pin: 'Vastzetten',
      forbid: 'Uitsluiten',
      pin_pair: '{0} met {1} vastzetten',
      forbid_pair: '{0} met {1} uitsluiten',
      choices_heading: 'Jouw keuzes',
      choices_intro: 'Zet een koppel vast om het te houden, of sluit er een uit om twee leerlingen uit elkaar te houden; peerkit koppelt daarna opnieuw. Je keuzes komen in het programmadocument (pinned_pairs, forbidden_pairs).',
      choose_two: 'Kies twee leerlingen',
      role: 'Rol',
      supporter: 'Ondersteuner',
      supportee: 'Leerling die steun krijgt',
      pinned_pairs: 'Vastgezette koppels',
      forbidden_pairs: 'Uitgesloten koppels',
      no_choices: 'Geen koppels vastgezet of uitgesloten.',
      choice_refused: 'peerkit kan deze keuze niet maken: de problemen staan onder „Problemen in de bestanden”. De koppels hieronder zijn niet veranderd.',
      remove_choice: '{0} – {1} verwijderen',
      unpaired_supportees: 'Leerlingen zonder ondersteuner',
      unused_supporters: 'Ondersteuners zonder leerling',
      everyone_paired: 'Elke leerling heeft een ondersteuner, elke ondersteuner een leerling.',
      reason: 'Reden',
      reason_no_compatible_partner: 'elke mogelijke partner is door een regel uitgesloten',
      reason_not_acceptable: 'geen passende partner zet hen op zijn lijst, of staat op de hunne',
      reason_all_taken: 'elke passende partner zit in koppels die minstens zo goed zijn',
      reason_no_gain: 'de enige vrije partners voegen niets toe aan de score',
      reason_not_optimal: 'er is nog een partner vrij: de koppeling is niet optimaal',
      leaders_caption: 'Peerleidersduo’s en hun klassen',
      duo: 'Duo',
      duo_score: 'Score van het duo',
      class: 'Klas',
      class_score: 'Score voor de klas',
      no_class: 'geen klas',
      leader_reserves: 'Reserve-peerleiders: {0}',
      uncovered_classes: 'Klassen zonder duo: {0}',
      no_leaders: 'Dit programma heeft geen peerleiders.',
      explanation: 'Waarom',
      year_intro: 'Schooljaar {0}, regio {1}: {2} activiteiten.',
      week: 'Week',
      day: 'Dag',
      time: 'Tijd',
      what: 'Wat',
      year_caption: '{0}: de activiteiten per week',
      week_number: 'week {0}',
      ready: 'Klaar om te starten.',
      not_ready: 'Nog niet klaar om te starten: {0} punten houden de start tegen.',
      list_blocking: 'Houdt de start tegen',
      list_open: 'Te doen zodra het loopt',
      list_at_risk: 'Risico voor het draagvlak',
      list_done: 'Gedaan',
      list_not_applicable: 'Niet van toepassing',
      step: 'stap {0}',
      state_not_started: 'niet begonnen',
      state_in_progress: 'bezig',
      state_done: 'gedaan',
      state_not_applicable: 'niet van toepassing',
      picture_of: 'De koppeling van {0}: ondersteuners links, leerlingen rechts, gekozen koppels vet',
      no_pictures: 'Geen afbeeldingen: geen rol van dit programma wordt één op één gekoppeld.',
      downloads_intro: 'De bestanden precies zoals peerkit run --output ze schrijft.',
      download: '{0} downloaden',
      size_kb: '{0} kB',
      file_report: 'het rapport voor de coördinator',
      file_result: 'het resultaat als gegevens',
      file_programme: 'het programma na de run, met jouw keuzes',
      file_year: 'het jaar voor een agenda',
      file_dot: 'de afbeelding van de koppeling voor Graphviz',
      file_svg: 'de afbeelding van de koppeling',
      role_peer_leader: 'peerleider',
      role_peer_buddy: 'peer-buddy (maatje)',
      role_newcomer_buddy: 'nieuwkomersbuddy',
      role_peer_tutor: 'peertutor',
      role_peer_mentor: 'peermentor',
      role_peer_coach: 'peercoach',
      role_confidant_student: 'vertrouwensleerling',
      role_peer_mediator: 'peermediator',
      role_peer_educator: 'peervoorlichter',
      criterion_shared_interests: 'gedeelde interesses',
      criterion_offers_wants: 'biedt wat gevraagd wordt',
      criterion_special_category: 'criteria op bijzondere persoonsgegevens (samen)',
      criterion_personality_fit: 'persoonlijkheden passen',
      criterion_can_meet: 'allebei vrij als de rol afspreekt',
      criterion_common_language: 'een gemeenschappelijke taal',
      criterion_origin_knowledge: 'kent het land van herkomst',
      event_training: 'training',
      event_newcomer_training: 'voorbereiding van de nieuwkomers',
      event_joint_training: 'gezamenlijke training',
      event_first_meeting_round: 'eerste kennismakingsronde',
      event_pair_meeting: 'afspraak van het koppel',
      event_intervision: 'intervisie',
      event_newcomer_intervision: 'intervisie van de nieuwkomers (ISK)',
      event_bonding_activity: 'activiteit om te binden',
      event_project_week: 'projectweek',
      event_shared_half_day: 'gezamenlijk dagdeel',
      event_interim_evaluation: 'tussenevaluatie',
      event_final_evaluation: 'eindevaluatie',
      region_noord: 'noord', region_midden: 'midden', region_zuid: 'zuid',
    },
  };

  const params = new URLSearchParams(location.search);
  const state = {
    // ?lang= first, else the browser's language: Dutch for a Dutch browser.
    language: (params.get('lang') ?? navigator.language).startsWith('nl') ? 'nl' : 'en',
    created: /^\d{1,12}$/.test(params.get('created') || '') ? Number(params.get('created')) : null,
    peerkit: null,
    files: [],  // {name, text, use}; use: programme, school, students, holidays, unused;
                // text null: not UTF-8, so not handed to peerkit
    response: null,     // the last successful response of run
    revealPurpose: null,
    view: 'selection',
  };

  // --- small helpers -------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** The page's text `key` in the current language, {0}, {1}... filled with `args`. */
  function t(key, ...args) {
    const text = WORDS[state.language][key] ?? WORDS.en[key] ?? key;
    return text.replace(/\{(\d)\}/g, (all, i) => (i < args.length ? String(args[i]) : all));
  }

  /** The words for a key of peerkit (a role, a criterion...), or the key made readable. */
  function term(kind, key) {
    return WORDS[state.language][`${kind}_${key}`] ?? WORDS.en[`${kind}_${key}`] ?? String(key).replace(/_/g, ' ');
  }

  /** An element with attributes (`text` is its text) and children (strings become text). */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false)
        node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
    return node;
  }

  function table(caption, headings, rows) {
    return el('table', {},
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows));
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  /** A student as the module names them: "Bram T. (2a)". Ids only when it names none. */
  function student(id) {
    const s = state.response?.students?.[String(id)];
    if (!s) return `#${id}`;
    return s.class ? `${s.name} (${s.class})` : s.name;
  }

  // --- the files ---------------------------------------------------------------------------

  /** What a file probably is; the coordinator can change it in the table. */
  function guessUse(name, text) {
    if (/\.csv$/i.test(name)) {
      const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => !line.startsWith('#')) || '';
      return header.startsWith('school_year,') ? 'holidays' : 'students';
    }
    let doc;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return /\.json$/i.test(name) ? 'school' : 'unused';
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'unused';
    if (doc.peerkit === 'programme/1') return 'programme';
    if (typeof doc.peerkit === 'string') return 'unused';  // a record or a scenario
    if (Array.isArray(doc.content)) return 'holidays';      // the government's open data
    if ('classes' in doc || 'students' in doc || 'staff' in doc) return 'school';
    if ('school' in doc || 'roles' in doc) return 'programme';
    return 'unused';
  }

  /** Only one file of each kind but schools is used: the newest keeps it. */
  function setUse(file, use) {
    if (use !== 'school' && use !== 'unused')
      for (const other of state.files) if (other !== file && other.use === use) other.use = 'unused';
    file.use = use;
  }

  const openFiles = (list) => busy(() => readFiles(list));

  async function readFiles(list) {
    for (const file of list) {
      const bytes = await file.arrayBuffer();
      state.files = state.files.filter((f) => f.name !== file.name);
      let text = null;
      try {
        // The byte-order mark stays: peerkit reads a file with or without one.
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch { /* listed as a problem until it is removed or opened again */ }
      const entry = { name: file.name, text, use: 'unused' };
      state.files.push(entry);
      if (text !== null) setUse(entry, guessUse(file.name, text));
    }
    state.response = null;
    renderFiles();
    await checkFiles();
  }

  const fileOf = (use) => state.files.find((f) => f.use === use);

  /** The school document the programme names, parsed, for the class names of the duos. */
  function schoolDocument() {
    try {
      const programme = JSON.parse(fileOf('programme').text.replace(/^\uFEFF/, ''));
      if (programme.school && typeof programme.school === 'object') return programme.school;
      const file = state.files.find((f) => f.name === programme.school);
      return file ? JSON.parse(file.text.replace(/^\uFEFF/, '')) : null;
    } catch {
      return null;
    }
  }

  function renderFiles() {
    const body = $('file-table').tBodies[0];
    body.replaceChildren();
    for (const file of state.files) {
      const select = el('select', { 'aria-label': t('use_of', file.name), 'data-file': file.name, disabled: file.text === null,
        onchange: async (event) => {
          setUse(file, event.target.value);
          state.response = null;
          renderFiles();
          await check();
        } },
      ['programme', 'school', 'students', 'holidays', 'unused'].map((use) =>
        el('option', { value: use, selected: file.use === use, text: t(`use_${use}`) })));
      body.append(el('tr', {},
        el('td', {}, el('span', { class: 'file-name', text: file.name })),
        el('td', {}, select),
        el('td', {}, el('button', { type: 'button', class: 'quiet', text: t('remove'),
          'aria-label': t('remove_file', file.name),
          onclick: async () => {
            state.files = state.files.filter((f) => f !== file);
            state.response = null;
            renderFiles();
            await check();
          } }))));
    }
    $('file-table').hidden = state.files.length === 0;

    const hint = $('school-hint');
    hint.hidden = true;
    const programme = fileOf('programme');
    if (programme) {
      try {
        const named = JSON.parse(programme.text.replace(/^\uFEFF/, '')).school;
        if (typeof named === 'string' && !state.files.some((f) => f.name === named && f.use === 'school')) {
          hint.textContent = t('school_missing', named);
          hint.hidden = false;
        }
      } catch { /* the check names the syntax error */ }
    }
  }

  // --- talking to peerkit ------------------------------------------------------------------

  function request(forRun) {
    const files = {};
    for (const f of state.files) if (f.use !== 'unused' && f.text !== null) files[f.name] = f.text;
    const req = {
      files,
      programme: fileOf('programme').name,
      separator: $('separator').value,
      language: state.language,
    };
    if (fileOf('students')) req.students = fileOf('students').name;
    if (fileOf('holidays')) req.holidays = fileOf('holidays').name;
    if (forRun) {
      req.created = state.created ?? Math.floor(Date.now() / 1000);
      if (state.revealPurpose) req.reveal_purpose = state.revealPurpose;
    }
    return req;
  }

  /** Lets the browser show the status before the module works (it blocks while it runs). */
  const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

  function call(name, req) {
    return JSON.parse(state.peerkit[name](JSON.stringify(req)));
  }

  /** Marks the page busy (aria-busy) while `work` runs. */
  async function busy(work) {
    const main = $('main');
    main.setAttribute('aria-busy', 'true');
    try {
      return await work();
    } finally {
      main.setAttribute('aria-busy', 'false');
    }
  }

  const check = () => busy(checkFiles);

  async function checkFiles() {
    $('run').disabled = true;
    $('results').hidden = true;  // the files changed: earlier results no longer hold
    renderProblems([]);
    if (!state.peerkit) return;
    const unreadable = state.files.filter((f) => f.text === null).length;
    if (unreadable) {
      setStatus(problemCount(unreadable));
      return;
    }
    if (!fileOf('programme')) {
      setStatus(state.files.length ? t('status_need_programme') : t('status_ready'));
      return;
    }
    setStatus(t('status_checking'));
    await paint();
    const response = call('check', request(false));
    renderProblems(response.problems);
    if (response.ok) {
      setStatus(t('status_valid', response.summary));
      $('run').disabled = false;
    } else {
      setStatus(problemCount(response.problems.length));
    }
  }

  const problemCount = (n) => (n === 1 ? t('status_problem') : t('status_problems', n));

  /** Runs the programme and shows the results; whether it ran. When it did not, the
   *  problems are shown, and the earlier results too when `keepResults`. */
  const run = (again, keepResults = false) => busy(() => runProgramme(again, keepResults));

  async function runProgramme(again, keepResults) {
    $('run').disabled = true;
    setStatus(t('status_running'));
    await paint();
    const response = call('run', request(true));
    $('run').disabled = false;
    renderProblems(response.problems);
    if (!response.ok) {
      if (!keepResults) {
        state.response = null;
        $('results').hidden = true;
      }
      setStatus(problemCount(response.problems.length));
      return false;
    }
    state.response = response;
    renderResults();
    $('results').hidden = false;
    setStatus(again ? t('status_done_again') : t('status_done'));
    return true;
  }

  function renderProblems(problems) {
    const list = $('problems');
    list.replaceChildren(
      ...state.files.filter((f) => f.text === null).map((f) => el('li', {}, el('span', { class: 'problem-text', text: t('not_utf8', f.name) }))),
      ...problems.map((p) => el('li', {},
        el('span', { class: 'problem-text', text: p.text }), ' ',
        el('code', { class: 'problem-id', text: p.id }))));
    $('problems-box').hidden = list.children.length === 0;
  }

  // --- the programme document: pins and forbidden pairs ------------------------------------

  function programmeDocument() {
    return JSON.parse(fileOf('programme').text.replace(/^\uFEFF/, ''));
  }

  /** Changes the in-memory programme document and pairs again. */
  async function changeChoices(change) {
    const file = fileOf('programme');
    const doc = programmeDocument();
    change(doc);
    for (const key of ['pinned_pairs', 'forbidden_pairs'])
      if (Array.isArray(doc[key]) && doc[key].length === 0) delete doc[key];
    const before = file.text;
    file.text = `${JSON.stringify(doc, null, 1)}\n`;
    if (!(await run(true, true))) {
      // Not taken: the document goes back to what the results shown were made of.
      file.text = before;
      setStatus(t('choice_refused'));
      return;
    }
    // The button pressed is drawn anew: keyboard users go on from the choices.
    $('pins').querySelector('h3')?.focus();
  }

  const samePair = (a, b) => a.supporter === b.supporter && a.supportee === b.supportee;

  /** Pins (`key` = pinned_pairs) or forbids (forbidden_pairs) a pair; never both. */
  function choose(key, supporter, supportee) {
    const pair = { supporter, supportee };
    const other = key === 'pinned_pairs' ? 'forbidden_pairs' : 'pinned_pairs';
    return changeChoices((doc) => {
      if (Array.isArray(doc[other])) doc[other] = doc[other].filter((p) => !samePair(p, pair));
      if (!Array.isArray(doc[key])) doc[key] = [];
      if (!doc[key].some((p) => samePair(p, pair))) doc[key].push(pair);
    });
  }

  function unchoose(key, pair) {
    return changeChoices((doc) => {
      if (Array.isArray(doc[key])) doc[key] = doc[key].filter((p) => !samePair(p, pair));
    });
  }

  // --- the views ---------------------------------------------------------------------------

  function renderResults() {
    const result = state.response.result;
    const summary = $('summary');
    summary.replaceChildren();
    if (result.feasible) {
      summary.append(el('span', { text: t('feasible') }));
    } else {
      summary.append(el('span', { text: t('not_feasible') }),
        el('ul', {}, result.shortfalls.map((s) => el('li', { text: s.text }))));
    }
    renderSelection(result);
    renderPairs(result);
    renderUnpaired(result);
    renderLeaders(result);
    renderYear(result);
    renderChecklist(result);
    renderReport();
    renderPictures();
    renderDownloads();
    showView(state.view, false);
  }

  function renderSelection(result) {
    const view = $('view-selection');
    view.replaceChildren();
    for (const role of result.selection) {
      view.append(el('h3', { text: term('role', role.role) }),
        el('p', { class: 'muted', text: [t('units', role.units), t('needed', role.needed), t('reserves', role.reserves),
          t('open_places', role.open_places)].join(' · ') }),
        table(t('selection_caption', term('role', role.role)),
          [t('rank'), t('student'), t('verdict'), t('score'), t('average'), t('fail_marks'), t('reasons')],
          role.candidates.map((c) => el('tr', { class: `verdict-${c.verdict}` },
            el('td', { class: 'number', text: c.rank ?? '–' }),
            el('td', { text: student(c.student) }),
            el('td', {}, el('span', { class: `badge ${c.verdict}`, text: term('verdict', c.verdict) })),
            el('td', { class: 'number', text: c.score }),
            el('td', { class: 'number', text: c.average === undefined ? '–' : c.average.toLocaleString(state.language, { maximumFractionDigits: 2 }) }),
            el('td', { class: 'number', text: c.fail_marks }),
            el('td', { text: c.reasons })))));
    }
  }

  /** The explanation lines of a pairing: the objective, one per pair, one per unpaired
   *  supportee, one per unused supporter, in that order. */
  function explanationLines(pairing) {
    const lines = pairing.explanation;
    const expected = 1 + pairing.pairs.length + pairing.unpaired_supportees.length + pairing.unused_supporters.length;
    if (lines.length !== expected) return null;
    const pairsEnd = 1 + pairing.pairs.length;
    const unpairedEnd = pairsEnd + pairing.unpaired_supportees.length;
    return {
      pairs: lines.slice(1, pairsEnd),
      unpaired: lines.slice(pairsEnd, unpairedEnd),
      unused: lines.slice(unpairedEnd),
    };
  }

  function renderPairs(result) {
    renderChoices(result);
    const view = $('pair-list');
    view.replaceChildren();
    for (const pairing of result.pairing) {
      const lines = explanationLines(pairing);
      view.append(el('h3', { text: term('role', pairing.role) }),
        el('p', { class: 'muted', text: t('pairing_summary', pairing.supported, pairing.total_score, term('objective', pairing.objective)) }));
      const list = el('ul', { class: 'pairs' });
      pairing.pairs.forEach((p, i) => {
        const who = t('supports', student(p.supporter), student(p.supportee));
        const criteria = Object.entries(p.score.criteria);
        list.append(el('li', { class: 'pair', 'data-role': pairing.role, 'data-supporter': p.supporter, 'data-supportee': p.supportee },
          el('div', { class: 'pair-head' },
            el('strong', { text: who }), ' ',
            el('span', { class: 'score', text: t('score_total', p.score.total) }),
            p.pinned ? el('span', { class: 'badge pinned', text: t('pinned') }) : null,
            el('span', { class: 'pair-actions' },
              p.pinned ? null : el('button', { type: 'button', class: 'pin', text: t('pin'),
                'aria-label': t('pin_pair', student(p.supporter), student(p.supportee)),
                onclick: () => choose('pinned_pairs', p.supporter, p.supportee) }),
              el('button', { type: 'button', class: 'forbid quiet', text: t('forbid'),
                'aria-label': t('forbid_pair', student(p.supporter), student(p.supportee)),
                onclick: () => choose('forbidden_pairs', p.supporter, p.supportee) }))),
          criteria.length ? table(t('criteria_caption', student(p.supporter), student(p.supportee)),
            [t('criterion'), t('points')],
            criteria.map(([key, points]) => el('tr', {},
              el('td', { text: term('criterion', key) }), el('td', { class: 'number', text: points })))) : null,
          lines ? el('p', { class: 'explanation', text: lines.pairs[i] }) : null));
      });
      view.append(list);
      if (!lines) view.append(el('ul', { class: 'explanation' }, pairing.explanation.map((line) => el('li', { text: line }))));
    }
  }

  /** Pick two students; the pinned and forbidden pairs of the programme document. */
  function renderChoices(result) {
    const box = $('pins');
    box.replaceChildren(el('h3', { text: t('choices_heading'), tabindex: '-1' }), el('p', { class: 'muted', text: t('choices_intro') }));
    const roles = result.pairing.map((p) => p.role);
    if (roles.length) {
      const role = el('select', { id: 'choice-role' }, roles.map((r) => el('option', { value: r, text: term('role', r) })));
      const supporter = el('select', { id: 'choice-supporter' });
      const supportee = el('select', { id: 'choice-supportee' });
      const fill = () => {
        const pairing = result.pairing.find((p) => p.role === role.value);
        const selection = result.selection.find((s) => s.role === role.value);
        const supporters = (selection?.candidates ?? []).filter((c) => c.verdict !== 'rejected').map((c) => c.student);
        const supportees = [...new Set([...pairing.pairs.map((p) => p.supportee),
          ...pairing.unpaired_supportees.map((u) => u.student)])];
        const options = (ids) => ids.map((id) => el('option', { value: id, text: student(id) }))
          .sort((a, b) => a.textContent.localeCompare(b.textContent, state.language));
        supporter.replaceChildren(...options(supporters));
        supportee.replaceChildren(...options(supportees));
      };
      role.addEventListener('change', fill);
      fill();
      const chosen = () => [Number(supporter.value), Number(supportee.value)];
      box.append(el('fieldset', { class: 'choose' },
        el('legend', { text: t('choose_two') }),
        el('label', { for: 'choice-role', text: t('role') }), role,
        el('label', { for: 'choice-supporter', text: t('supporter') }), supporter,
        el('label', { for: 'choice-supportee', text: t('supportee') }), supportee,
        el('span', { class: 'pair-actions' },
          el('button', { type: 'button', id: 'choice-pin', text: t('pin'), onclick: () => supporter.value && supportee.value && choose('pinned_pairs', ...chosen()) }),
          el('button', { type: 'button', id: 'choice-forbid', class: 'quiet', text: t('forbid'), onclick: () => supporter.value && supportee.value && choose('forbidden_pairs', ...chosen()) }))));
    }
    const doc = programmeDocument();
    let any = false;
    for (const key of ['pinned_pairs', 'forbidden_pairs']) {
      const pairs = Array.isArray(doc[key]) ? doc[key] : [];
      if (!pairs.length) continue;
      any = true;
      box.append(el('h4', { text: t(key) }), el('ul', { class: `choices ${key}` }, pairs.map((p) => el('li', { 'data-supporter': p.supporter, 'data-supportee': p.supportee },
        el('span', { text: `${student(p.supporter)} – ${student(p.supportee)}` }), ' ',
        el('button', { type: 'button', class: 'quiet', text: t('remove'), 'aria-label': t('remove_choice', student(p.supporter), student(p.supportee)),
          onclick: () => unchoose(key, p) })))));
    }
    if (!any) box.append(el('p', { class: 'no-choices', text: t('no_choices') }));
  }

  function renderUnpaired(result) {
    const view = $('view-unpaired');
    view.replaceChildren();
    for (const pairing of result.pairing) {
      const lines = explanationLines(pairing);
      view.append(el('h3', { text: term('role', pairing.role) }));
      if (!pairing.unpaired_supportees.length && !pairing.unused_supporters.length) {
        view.append(el('p', { text: t('everyone_paired') }));
        continue;
      }
      const section = (heading, list, explained) => {
        if (!list.length) return;
        view.append(el('h4', { text: heading }), el('ul', { class: 'unpaired' }, list.map((u, i) => el('li', {},
          el('strong', { text: student(u.student) }), `: ${term('reason', u.reason)}`,
          explained ? el('p', { class: 'explanation', text: explained[i] }) : null))));
      };
      section(t('unpaired_supportees'), pairing.unpaired_supportees, lines?.unpaired);
      section(t('unused_supporters'), pairing.unused_supporters, lines?.unused);
    }
  }

  function renderLeaders(result) {
    const view = $('view-leaders');
    view.replaceChildren();
    const leaders = result.leaders;
    if (!leaders) {
      view.append(el('p', { text: t('no_leaders') }));
      return;
    }
    const classNames = new Map((schoolDocument()?.classes ?? []).map((c) => [c.id, c.name]));
    const className = (id) => classNames.get(id) ?? `#${id}`;
    const classOf = (duo) => leaders.classes.find((c) => c.first === duo.first && c.second === duo.second);
    view.append(table(t('leaders_caption'), [t('duo'), t('duo_score'), t('class'), t('class_score')],
      leaders.duos.map((d) => {
        const assigned = classOf(d);
        return el('tr', {},
          el('td', { text: `${student(d.first)} & ${student(d.second)}` }),
          el('td', { class: 'number', text: d.score }),
          el('td', { text: assigned ? className(assigned.class) : t('no_class') }),
          el('td', { class: 'number', text: assigned ? assigned.score : '–' }));
      })));
    if (leaders.reserves.length) view.append(el('p', { text: t('leader_reserves', leaders.reserves.map(student).join(', ')) }));
    if (leaders.uncovered_classes.length) view.append(el('p', { class: 'warning', text: t('uncovered_classes', leaders.uncovered_classes.map(className).join(', ')) }));
    view.append(el('h4', { text: t('explanation') }), el('ul', { class: 'explanation' }, leaders.explanation.map((line) => el('li', { text: line }))));
  }

  /** ISO 8601 week number of a "YYYY-MM-DD" day. */
  function isoWeek(day) {
    const d = new Date(`${day}T00:00:00Z`);
    const thursday = new Date(d);
    thursday.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
    const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
    return 1 + Math.round((thursday - firstThursday) / 86400000 / 7 - (3 - ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  }

  function renderYear(result) {
    const view = $('view-year');
    const year = result.year;
    view.replaceChildren(el('p', { text: t('year_intro', year.school_year, term('region', year.region), year.events.length) }));
    const months = new Map();
    for (const e of year.events) {
      const month = e.day.slice(0, 7);
      if (!months.has(month)) months.set(month, []);
      months.get(month).push(e);
    }
    const monthName = new Intl.DateTimeFormat(state.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dayName = new Intl.DateTimeFormat(state.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    for (const [month, events] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
      const name = monthName.format(new Date(`${month}-01T00:00:00Z`));
      events.sort((a, b) => a.day.localeCompare(b.day) || (a.start ?? '').localeCompare(b.start ?? ''));
      let lastWeek = null;
      const rows = events.map((e) => {
        const week = isoWeek(e.day);
        const first = week !== lastWeek;
        lastWeek = week;
        return el('tr', { class: first ? 'week-start' : null },
          el('td', { text: first ? t('week_number', week) : '' }),
          el('td', { text: dayName.format(new Date(`${e.day}T00:00:00Z`)) }),
          el('td', { text: e.start ? `${e.start} (${e.minutes} min)` : '' }),
          el('td', {}, el('span', { class: `kind kind-${e.kind}`, text: term('event', e.kind) }), ' ', e.title));
      });
      view.append(el('h3', { text: name }), table(t('year_caption', name), [t('week'), t('day'), t('time'), t('what')], rows));
    }
  }

  function renderChecklist(result) {
    const r = result.readiness;
    const view = $('view-checklist');
    view.replaceChildren(el('p', { class: r.ready_to_go_live ? 'ok' : 'warning',
      text: `${r.checklist}: ${r.ready_to_go_live ? t('ready') : t('not_ready', r.blocking.length)}` }));
    for (const list of ['blocking', 'open', 'at_risk', 'done', 'not_applicable']) {
      if (!r[list]?.length) continue;
      view.append(el('h3', { text: `${t(`list_${list}`)} (${r[list].length})` }),
        el('ul', { class: 'checklist' }, r[list].map((item) => el('li', {},
          el('strong', { text: item.title }), ` — ${t('step', item.step)}, ${term('state', item.state)}`,
          item.findings?.length ? el('ul', {}, item.findings.map((f) => el('li', { text: f }))) : null))));
    }
  }

  function renderReport() {
    $('view-report').replaceChildren(el('article', { class: 'report' }, renderMarkdown(state.response.report)));
  }

  const pictures = () => state.response.files.filter((f) => f.name.endsWith('.svg'));

  function renderPictures() {
    const view = $('view-pictures');
    view.replaceChildren();
    if (!pictures().length) view.append(el('p', { text: t('no_pictures') }));
    for (const file of pictures()) {
      const role = file.name.replace(/^pairing-/, '').replace(/\.svg$/, '');
      // An <img> never runs a script the picture might hold.
      view.append(el('figure', {},
        el('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`, alt: t('picture_of', term('role', role)) }),
        el('figcaption', { text: `${term('role', role)} — ${file.name}` })));
    }
  }

  const FILE_TYPES = { md: 'text/markdown', json: 'application/json', ics: 'text/calendar', svg: 'image/svg+xml', dot: 'text/vnd.graphviz' };

  function describeFile(name) {
    if (name === 'report.md') return t('file_report');
    if (name === 'result.json') return t('file_result');
    if (name === 'programme.json') return t('file_programme');
    if (name === 'year.ics') return t('file_year');
    return name.endsWith('.dot') ? t('file_dot') : t('file_svg');
  }

  /** Saves the file's text as peerkit made it: a Blob holds the string as UTF-8, unchanged. */
  function download(file) {
    const type = FILE_TYPES[file.name.split('.').pop()] ?? 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([file.text], { type }));
    const link = el('a', { href: url, download: file.name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    setStatus(t('status_downloaded', file.name));
  }

  function renderDownloads() {
    const view = $('view-downloads');
    const size = (text) => t('size_kb', Math.max(1, Math.round(new Blob([text]).size / 1024)));
    view.replaceChildren(el('p', { text: t('downloads_intro') }),
      el('ul', { class: 'downloads' }, state.response.files.map((file) => el('li', {},
        el('button', { type: 'button', 'data-file': file.name, text: t('download', file.name), onclick: () => download(file) }),
        ` ${describeFile(file.name)}, ${size(file.text)}`))));
  }

  // --- the report's Markdown, as elements --------------------------------------------------

  /** `**bold**` and `code` within a line; everything else is text. */
  function inline(text) {
    const parts = [];
    const pattern = /\*\*(.+?)\*\*|`([^`]+)`/g;
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > at) parts.push(text.slice(at, match.index));
      parts.push(match[1] !== undefined ? el('strong', {}, ...inline(match[1])) : el('code', { text: match[2] }));
      at = match.index + match[0].length;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }

  const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

  /** The report as elements: headings, paragraphs, nested lists, tables and code blocks,
   *  the subset of Markdown peerkit writes. Headings start at h3, under the page's own. */
  function renderMarkdown(markdown) {
    const out = document.createDocumentFragment();
    const lines = markdown.split('\n');
    let paragraph = [];
    const flush = () => {
      if (paragraph.length) out.append(el('p', {}, ...inline(paragraph.join(' '))));
      paragraph = [];
    };
    for (let i = 0; i < lines.length; ++i) {
      const line = lines[i];
      let match;
      if (line.startsWith('```')) {
        flush();
        const code = [];
        while (++i < lines.length && !lines[i].startsWith('```')) code.push(lines[i]);
        out.append(el('pre', { tabindex: '0' }, el('code', { text: code.join('\n') })));
      } else if ((match = /^(#{1,6})\s+(.*)$/.exec(line))) {
        flush();
        out.append(el(`h${Math.min(6, match[1].length + 2)}`, {}, ...inline(match[2])));
      } else if (line.startsWith('|') && /^\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
        flush();
        const head = cells(line);
        const rows = [];
        for (i += 2; i < lines.length && lines[i].startsWith('|'); ++i) rows.push(cells(lines[i]));
        --i;
        out.append(el('table', {},
          el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, ...inline(h))))),
          el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, ...inline(c))))))));
      } else if (/^\s*[-*]\s+/.test(line)) {
        flush();
        // Nested by indentation: a stack of open lists and their indents.
        const root = el('ul');
        const stack = [{ list: root, indent: line.search(/\S/) }];
        for (; i < lines.length && /^\s*[-*]\s+/.test(lines[i]); ++i) {
          const indent = lines[i].search(/\S/);
          const item = el('li', {}, ...inline(lines[i].replace(/^\s*[-*]\s+/, '')));
          while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
          const top = stack[stack.length - 1];
          if (indent > top.indent && top.list.lastElementChild) {
            const nested = el('ul');
            top.list.lastElementChild.append(nested);
            stack.push({ list: nested, indent });
            nested.append(item);
          } else {
            top.list.append(item);
          }
        }
        --i;
        out.append(root);
      } else if (line.trim() === '') {
        flush();
      } else {
        paragraph.push(line.trim());
      }
    }
    flush();
    return out;
  }

  // --- tabs --------------------------------------------------------------------------------

  const tabs = () => [...document.querySelectorAll('[role="tab"]')];

  function showView(view, focus) {
    state.view = view;
    for (const tab of tabs()) {
      const selected = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    }
  }

  function onTabKey(event) {
    const all = tabs();
    const at = all.indexOf(event.target);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    showView(all[(next + all.length) % all.length].dataset.view, true);
  }

  // --- language ----------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.language;
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
    // The switch names the other language in that language.
    $('language').textContent = t('other_language');
    $('language').lang = state.language === 'en' ? 'nl' : 'en';
    if (state.peerkit) $('version').textContent = t('version', state.peerkit.version());
    if (state.revealPurpose) $('reveal-state-text').textContent = t('reveal_on', state.revealPurpose);
    renderFiles();
  }

  async function switchLanguage() {
    state.language = state.language === 'en' ? 'nl' : 'en';
    applyLanguage();
    if (state.response) await run(false);  // the report follows the page's language
    else await check();
  }

  // --- the access step for special-category data --------------------------------------------

  async function reveal(event) {
    event.preventDefault();
    const purpose = $('reveal-purpose').value.trim();
    if (!purpose) {
      $('reveal-error').textContent = t('reveal_blank');
      $('reveal-purpose').setAttribute('aria-invalid', 'true');
      $('reveal-purpose').focus();
      return;
    }
    $('reveal-error').textContent = '';
    $('reveal-purpose').removeAttribute('aria-invalid');
    state.revealPurpose = purpose;
    $('reveal-form').hidden = true;
    $('reveal-state').hidden = false;
    $('reveal-state-text').textContent = t('reveal_on', purpose);
    if (state.response) await run(true);
  }

  async function hide() {
    state.revealPurpose = null;
    $('reveal-purpose').value = '';
    $('reveal-form').hidden = false;
    $('reveal-state').hidden = true;
    if (state.response) await run(true);
  }

  // --- start -------------------------------------------------------------------------------

  async function start() {
    applyLanguage();
    $('file-input').addEventListener('change', async (event) => {
      await openFiles([...event.target.files]);
      event.target.value = '';
    });
    const drop = $('drop');
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', async (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      await openFiles([...event.dataTransfer.files]);
    });
    $('separator').addEventListener('change', () => check());
    $('run').addEventListener('click', () => run(false));
    $('language').addEventListener('click', switchLanguage);
    $('reveal-form').addEventListener('submit', reveal);
    $('reveal-stop').addEventListener('click', hide);
    for (const tab of tabs()) {
      tab.addEventListener('click', () => showView(tab.dataset.view, false));
      tab.addEventListener('keydown', onTabKey);
    }
    showView(state.view, false);

    await busy(async () => {
      setStatus(t('status_loading'));
      try {
        state.peerkit = await createPeerkit();
      } catch {
        setStatus(t('status_no_module'));
        return;
      }
      $('version').textContent = t('version', state.peerkit.version());
      document.body.dataset.ready = 'true';
      await checkFiles();
    });
  }

  start();
})();
