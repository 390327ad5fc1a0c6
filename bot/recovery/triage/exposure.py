"""Private details in the wrong hands, told as plain events (SPEC §2.2): a finance pack stapled into
another buyer's paperwork, a hardship list on a noticeboard, a result read over the desk, customer data
on a public server, an account opened by someone pretending to be the customer. Cues are written as
`reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import CRITICAL, MAJOR, OTHERS, SENSITIVE_DETAILS, Harm
from bot.recovery.triage.senses import MOVED_ON_REQUEST

# Papers and details whose disclosure harms, as the rubric's "medical or financial details".
SENSITIVE = (
    "payslip|payslips|credit_report|credit_file|credit_history|credit_check|finance_pack|finance_agreement|"
    "bank_statement|bank_statements|statement|statements|tax_return|p60|p45|salary|income|benefits|"
    "universal_credit|hardship|hardship_fund|bursary|free_school_meals|debt|debts|arrears|passport|passports|"
    "medical|diagnosis|results|prescription|medication|antidepressant*|dose|dosage|hiv|pregnancy|"
    "mental_health|therapy|counselling|api_key|api_keys|credentials|password|passwords|sort_code|"
    "account_number|card_number|credit_card|debit_card|bank_card|card_details|national_insurance|ni_number|ssn|dob|date_of_birth|dates_of_birth|"
    "security_codes|bank_codes|verification_codes|otp|passcode|passcodes|payroll|payroll_data|salaries|"
    "salary_data|exam_marks|exam_results|grades|marks|result|chlamydia|std|sti|sexual_health|hiv_status|my_status|his_status|her_status|"
    "positive|negative|divorce|settlement|custody|bankruptcy|redundancy|vasectomy|smear|colonoscopy|"
    "pregnancy_test|termination|psychiatrist|therapist|rehab|detox|methadone|erectile|fertility|ivf|miscarriage|"
    "cancer|chemo|free_school_meals|child_protection|safeguarding|social_services|police_report|"
    "medical_report|depression|anxiety|breakdown|sick_note|fit_note|self-harm|suicidal|eating_disorder|"
    "addiction|alcoholism|transactions|transaction_history|balance|claims_history|claim_history"
)

_DISCLOSED = (
    "read|reading|said|saying|shouted|announced|told|discussed|mentioned|showed|shown|sent|emailed|posted|"
    "leaked|exposed|overheard|heard|hear|visible|saw|seen|displayed|called_out|asked|loudly|aloud|out_loud|"
    "texted|forwarded|shared|disclosed|revealed|printed|pinned|phoned|rang|called|discuss|discussing|see|"
    "could_see|access|accessed|viewed|view|left_on_the_photocopier|left_on_the_printer|left_in_the_printer|"
    "left_on_the_desk|lying_around|left_lying"
)
_PAPERS = (
    "pack|paperwork|papers|envelope|file|folder|documents|post|letter|letters|bag|box|email|emails|reply|"
    "thread|chat|ticket|inbox|account|parcel|records|policyholder's|member's|account_holder's|holder's"
)

_SOMEONE_ELSES = (
    "another|other|different|wrong|someone_else's|somebody_else's|a_different|the_wrong|the_other|next"
)


DISCLOSURES: tuple[Harm, ...] = (
    Harm(
        "sensitive details exposed to others",
        CRITICAL,
        (SENSITIVE_DETAILS + " ~ " + OTHERS,),
        near_miss=MAJOR,
        vetoes=MOVED_ON_REQUEST,
        # words near others ("her prescription at the counter") are only a disclosure when something was told,
        # shown or sent
        needs=(_DISCLOSED,),
    ),
    Harm(
        "sensitive details exposed to others",
        CRITICAL,
        (
            "into|in|inside|with|to ... "
            + _SOMEONE_ELSES
            + " ... buyer's|customer's|client's|patient's|guest's|"
            "tenant's|family's|person's|member's|pupil's|parent's|" + _PAPERS,
            "pinned|posted|put_up|stuck_up|displayed|pinned_up|published|printed ... list|names|details|register|"
            "spreadsheet ... noticeboard|notice_board|board|window|wall|door|corridor|foyer|public|online|website",
            "noticeboard|notice_board|foyer|open_plan|public_area|shop_window ~ list|names|amounts|details",
            "list|names|details|register|spreadsheet ... pinned|posted|put_up|displayed|pinned_up|stuck_up ... "
            "noticeboard|notice_board|board|window|wall|door|corridor|foyer|lobby|reception|public",
            "at_full_volume|for_all_to_hear|everyone_could_hear|whole_queue_could_hear|whole_shop_could_hear|"
            "in_front_of_the_queue|with_a_queue_right_behind|with_a_queue_behind",
            "said|read|went_through|discussed|talked|asked|shouted|announced|explained|spoke|going_through|"
            "went_over ... loudly|loud_voice|whole_queue|queue_behind|whole_shop|whole_waiting_room|whole_ward",
            "loudly|loud|out_loud|at_full_volume ... asked|said|announced|read|called|shouted|confirmed|discussed|"
            "mentioned",
            "discussed|mentioned|revealed|disclosed|gossiped|talked_about|shared|passed_on|blurted ... with|to ... "
            "neighbour|neighbours|colleague|colleagues|boss|employer|ex|ex-husband|ex-wife|everyone|others|"
            "another_customer|other_customers|other_parents|the_class|the_queue|strangers",
            "pinned|pinned_up|put_up|stuck_up|displayed ... list|names|register",
            "told|informed|phoned|rang|called|emailed|wrote_to ... employer|boss|workplace|her_work|his_work|"
            "manager",
            "sent|emailed|mailed|forwarded|shared|copied|cc'd ... to_the_whole|to_all|to_everyone|to_every|"
            "to_the_entire ... parents|class|year|group|school|staff|customers|list|street|team|cohort|students|"
            "pupils|members",
            "renewal|letter|pack|statement|email ... with|containing|included ... another|other ... policyholder's|"
            "customer's|client's|member's|patient's|person's",
            "meant_for|intended_for|addressed_to ... one|another|a_single|someone_else|a_different",
            "ex-wife's|ex-husband's|ex-partner's|ex's|old_number ~ number|mobile|phone|answered|picked_up",
            "told|gave|read ... her|him|them ... the_lot|everything|all_the_details|all_of_it",
            "photo|picture|pic|photographed|snapped ... card|credit_card|debit_card|bank_card|card_details|"
            "card_number|passport|driving_licence",
            "told|gave|read|discussed|shared|revealed|disclosed ... wife|husband|partner|son|daughter|mother|father|"
            "ex|brother|sister ... balance|statement|records|results|transactions|medical|prescription|diagnosis",
            "skip|bin|bins|tip|dumped|pavement|recycling ~ notes|records|files|paperwork|statements|letters",
            "loud_enough|queue_heard|everyone_heard|room_heard|could_all_hear|shouted_across|called_across|"
            "read_out|out_over_the_desk|over_the_desk|full_waiting_room",
            "receiving|received|getting|got|seeing|saw|reading ... security_codes|bank_codes|verification_codes|"
            "one-time|otp|passcodes|her_texts|his_texts|her_post|his_post|her_mail|his_mail|her_emails|his_emails",
            "see|saw|seen|view|viewed|access|accessed|showed|shown ... another|other ... customer's|client's|"
            "company's|tenant's|user's|patient's|customers'|clients'",
            "pasted|attached|included|copied|forwarded|cc'd ... "
            + _SOMEONE_ELSES
            + " ... client's|customer's|"
            "company's|tenant's|user's|patient's|account's",
            # sensitive papers that reached the wrong person, or were left where anyone could take them
            "results|letter|report|records|referral|envelope|prescription ... to ... a_different|"
            "different|another|the_wrong|wrong|someone_else|somebody_else",
            "got|received|opened|read|had|sent ... someone_else's|somebody_else's|someone_elses|somebody_elses|"
            "another_patient's|another_customer's|other_patient's|other_customer's ... results|letter|records|details|"
            "prescription|paperwork|notes|report",
            "envelope|letter|pack|email|bag ... had|contained|containing|included|including ... second|another|other|"
            "different ... patient's|customer's|person's|client's|guest's",
            "opened_it|read_it|opened_and_read|opened_the_letter|opened_the_envelope ~ before|twigged|realised|"
            "realized|noticed|wasn't_his|wasn't_hers|not_his|not_hers|wasn't_for",
            "left|lying|sitting|spat|dumped ... printout|printouts|list|cards|forms|paperwork|papers|documents|files|"
            "stack ... counter|lobby|reception|tray|printer|photocopier|front_desk|bar",
            "printer|photocopier|tray|counter ... someone|somebody|someone_else|another_guest|other_guests|"
            "previous_guest ... paperwork|papers|documents|forms|cards|file",
        ),
        near_miss=MAJOR,
        vetoes=MOVED_ON_REQUEST,
        needs=(SENSITIVE,),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "booking|details|scan|letter|results|email|invoice|statement|documents|paperwork|report|file|"
            "photos ... went|sent|emailed|posted|given|handed ... to ... a_different|different|"
            "another|wrong|the_wrong",
            "into|in|inside|with ... another|someone_else's|somebody_else's ... buyer's|customer's|client's|"
            "patient's|guest's|tenant's|family's|person's",
            "ported|reassigned ... to ... someone_else|somebody_else|another|wrong|stranger|a_different",
            "number|sim|account|line ... transferred|moved|swapped|given ... to ... someone_else|somebody_else|"
            "another_customer|another_person|stranger|the_wrong_person",
            "pinned|posted|put_up|displayed|pinned_up ... list|names|details|marks|scores|grades ... noticeboard|"
            "notice_board|board|window|wall|door|corridor|foyer",
            "read|shouted|announced|called ... out ... score|scores|marks|grade|grades|weight|debt|result",
        ),
        near_miss=None,
        vetoes=("moved ... to ... another_room|another_table|another_date|another_day",),
    ),
    Harm(
        "sensitive details exposed to others",
        CRITICAL,
        (
            "posted|shared|uploaded|published|put ... photo|photos|picture|pictures|video|pics ... without_asking|"
            "without_permission|without_consent|without_her_consent|without_his_consent",
        ),
        near_miss=MAJOR,
        needs=("instagram|facebook|online|social_media|tiktok|website|twitter|youtube|public",),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "went|sent|texted|emailed|posted ... old_mobile|old_number|old_phone|old_email|previous_number|"
            "old_address|wrong_number",
        ),
        near_miss=None,
        needs=("stranger|new_owner|wrong_person|someone_else|somebody_else|knows_about|now_knows",),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "told|mentioned|discussed|revealed ... neighbour|neighbours|colleague|friend|relative ... about|of ... "
            "claim|details|account|case|debt|complaint|situation|circumstances|appointment|burglary|illness",
        ),
        near_miss=None,
    ),
    Harm(
        "a data breach",
        CRITICAL,
        (
            "public|publicly|open|unsecured|unprotected|unencrypted ~ server|bucket|s3|drive|folder|link|database|"
            "website",
            "lost|left|stolen ... laptop|usb|memory_stick|files|folder|paperwork ... unencrypted|train|pub|bus|taxi",
            # one customer's data in another's: "the export had other tenants' customer emails in it"
            "export|exports|csv|report|download|spreadsheet|rows|tab|dashboard|portal ... another|other|"
            "different|a_different ... tenant|tenants|tenant's|customer's|client's|company's|customers|clients|"
            "companies|organisation's|organization's|account's|org's",
            "see|saw|seen|view|viewed|access|accessed|showing|showed ... another|other|different ... tenant's|"
            "tenants|company's|organisation's|organization's|org's",
        ),
        near_miss=MAJOR,
        needs=(
            "emails|email_addresses|phone_numbers|addresses|customer_data|personal_data|customers|records|export|"
            "database|crm|passwords|card|patients|clients|members|invoices|dobs|phones|names|tenant|tenants",
        ),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "recording|recordings|call_recording|cctv|footage|video ~ played|shown|shared|used|circulated ... "
            "training|meeting|session|team|staff|whatsapp|group|others",
            "complaint|complaint_letter|letter|email ... forwarded|sent|passed|shown|shared ... to ... "
            "complained_about|the_staff_member|the_member_of_staff|the_person_she|the_person_he",
            "complained_about ... messaged|contacted|rang|called|texted|confronted|turned_up",
        ),
        near_miss=None,
    ),
    Harm(
        "their details misused by our staff",
        MAJOR,
        (
            "getting|got|took|used|looked_up ... her|his|their ... number|address|details|email ... from ... order|"
            "booking|delivery|system|records|file|account|our",
        ),
        near_miss=None,
    ),
    Harm(
        "someone else got into their account",
        CRITICAL,
        (
            "in_her_name|in_his_name|in_their_name|in_my_name ~ sold|opened|took_out|set_up|contract|loan|credit|"
            "account|phone|card",
            "sim_swap|sim-swap|new_sim|replacement_sim|port_out|ported_out ~ pretending|posing|impersonat*|"
            "fraudster|fraudsters|someone|stranger|scammer|ex|man|woman|bloke|guy|just_by|giving|gave|without_id|no_id|"
            "without_checking",
            # an account taken over: a login from a device or a payee the customer never knew
            "new_device|unknown_device|unrecognised_device|unrecognized_device|new_login ~ login|log-in|logged_in|"
            "sign-in|signed_in|from_abroad|abroad|overseas",
            "payee|payees ~ never_heard_of|doesn't_know|didn't_know|never_set_up|didn't_set_up|unknown",
            "let|allowed|gave ... withdraw|access|take|transfer|change|close|use ... account|accounts|money|savings|"
            "funds|card ... without ... permission|consent|authority|knowledge|authorisation|id|her_knowing|"
            "his_knowing",
            "pretending_to_be|posing_as|impersonat* ~ her|him|them|customer ... got|obtained|issued|accessed|"
            "took_over|changed|ordered|emptied",
        ),
        near_miss=MAJOR,
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "opted_out|opted_him_out|opted_her_out|opted_them_out|opt_out|opt-out|no_photos|no_photo_consent|"
            "without_consent|without_permission|didn't_consent|never_consented|not_consented",
        ),
        near_miss=None,
        needs=("photo|photos|picture|pictures|video|videos|posted|page|website|newsletter",),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            "cc|cc'd|cc_line|cc_field ~ instead_of_bcc|not_bcc|rather_than_bcc|bcc",
            "everyone's_email|everyone's_addresses|everyone's_numbers|all_the_email_addresses|all_the_addresses|"
            "visible_to_everyone|visible_to_all",
        ),
        near_miss=None,
    ),
    Harm(
        "a confidence broken",
        MAJOR,
        (
            "told|revealed|disclosed|let_slip|passed_on|mentioned ... lowest_acceptable|lowest_price|bottom_line|"
            "reserve_price|what_they'd_accept|what_she'd_accept|what_he'd_accept|vendor's_position|"
            "confidential_offer|other_offers|the_other_offer|their_budget|maximum_budget",
            "days_left|weeks_left|prognosis|terminal|dying ... before|without ... doctor|consultant|gp|spoken|"
            "told_her|told_him|told_them",
        ),
        near_miss=None,
    ),
)
