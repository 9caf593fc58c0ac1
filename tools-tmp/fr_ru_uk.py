from gen import emit
fr = {
"staff.src.ours": "Notre formulation (ce n'est pas une citation de la fiche d'action de l'UDI) :",
"staff.src.ours-children": "Notre formulation, d'après la fiche d'action de l'UDI, point 4.1.1 :",
"staff.src.card-4-1-1": "Traduction de la fiche d'action de l'UDI sur la traite des êtres humains, point 4.1.1 (traduction provisoire) :",
"staff.src.card-4-1-2": "Traduction de la fiche d'action de l'UDI sur la traite des êtres humains, point 4.1.2, pour les mineurs (traduction provisoire) :",
"staff.src.card-4-2": "Traduction de la fiche d'action de l'UDI sur la traite des êtres humains, point 4.2 (traduction provisoire) :",
"staff.src.card-4-3": "Traduction de la fiche d'action de l'UDI sur la traite des êtres humains, point 4.3 (traduction provisoire) :",
"staff.words.confidentiality": "L'interprète et moi sommes tenus au secret professionnel. Cela veut dire que nous ne pouvons pas répéter à d'autres ce que vous dites ici, sauf dans certains cas : je donnerai à l'UDI les informations nécessaires pour que vous receviez l'aide qu'il faut et un logement sûr. Et si quelqu'un est en grave danger, ou si un enfant a besoin d'aide, nous pouvons être obligés de prévenir la police ou les services de protection de l'enfance.",
"staff.words.suspicion": "Nous savons que des personnes dans la même situation que vous peuvent avoir été exploitées dans la traite des êtres humains. La traite des êtres humains, c'est quand une personne force ou exploite une autre personne, par exemple à se prostituer, à travailler, à mendier ou à commettre des délits.",
"staff.words.questions": """• Quelqu'un vous a-t-il exploité ou forcé à faire quelque chose, dans votre pays d'origine, pendant le voyage ou ici en Norvège ?
• Y a-t-il quelqu'un qui décide pour vous, ou quelqu'un dont vous avez peur en Norvège ?
• Devez-vous de l'argent à quelqu'un qui exige que vous travailliez ou que vous lui rendiez des services ici en Norvège ?""",
"staff.words.minor": "Nous savons que certains enfants doivent travailler ou faire d'autres choses pour des adultes, pour que ces adultes gagnent de l'argent. Est-ce une situation que tu as vécue, ou que tu vis ? Connais-tu quelqu'un qui est dans une telle situation ?",
"staff.words.children": "Vos enfants ont-ils aussi été forcés ou exploités pour travailler ou rendre des services ?",
"staff.words.rights": """Si vous êtes victime de la traite des êtres humains, vous pouvez recevoir de l'aide. Il est interdit de forcer quelqu'un à travailler pour soi ou d'exploiter quelqu'un sexuellement, par exemple dans la prostitution. Vous pouvez
• obtenir un logement sûr dans un centre d'accueil d'urgence (krisesenter) ou auprès des services de protection de l'enfance (mineurs)
• obtenir l'aide gratuite d'un avocat, pour des conseils et pour porter plainte contre ceux qui vous ont exploité
• demander une période de réflexion, un titre de séjour qui dure {@reflection-period} mois, pour pouvoir vous éloigner de ceux qui vous ont exploité
• obtenir l'aide de l'organisation IOM (OIM) pour rentrer en sécurité dans votre pays, si vous le souhaitez

Avez-vous des questions sur ces informations ?""",
"staff.words.rosa": """L'organisation d'aide ROSA aide les personnes victimes de la traite des êtres humains. Elle peut vous aider à trouver un endroit sûr où vivre et l'aide gratuite d'un avocat. Vous pouvez la contacter à tout moment au {@rosa}.

Voulez-vous que je vous aide à prendre contact avec ROSA ?

Vous pouvez aussi appeler la police au {@police-emergency} si un jour vous en avez besoin.""",
"staff.words.acute": "Avez-vous besoin d'aide tout de suite ?",
"staff.slip.title": "De l'aide pour vous",
"staff.slip.intro": "Si vous êtes victime de la traite des êtres humains, vous pouvez recevoir de l'aide.",
"staff.slip.rosa": "ROSA vous aide à trouver un endroit sûr où vivre et un avocat. Appelez à tout moment : {@rosa}. {@rosa.url}",
"staff.slip.police": "Police : {@police-emergency}",
"staff.slip.lawyer": "Vous pouvez obtenir l'aide gratuite d'un avocat.",
"staff.slip.reflection": "Vous pouvez demander une période de réflexion, un titre de séjour de {@reflection-period} mois.",
"staff.slip.iom": "L'OIM (IOM) peut vous aider à rentrer en sécurité dans votre pays, si vous le souhaitez.",
"staff.slip.shelter": "Vous pouvez obtenir un logement sûr dans un centre d'accueil d'urgence (krisesenter).",
"staff.slip.shelter-minor": "Si tu as moins de 18 ans, les services de protection de l'enfance (barnevernet) peuvent te donner un endroit sûr où vivre. Ligne d'écoute pour les enfants et les jeunes (Alarmtelefonen) : {@alarmtelefonen} (gratuit, jour et nuit).",
}
ru = {
"staff.src.ours": "Наша формулировка (не цитата из памятки UDI):",
"staff.src.ours-children": "Наша формулировка на основе памятки UDI, пункт 4.1.1:",
"staff.src.card-4-1-1": "Перевод памятки UDI о торговле людьми, пункт 4.1.1 (черновой перевод):",
"staff.src.card-4-1-2": "Перевод памятки UDI о торговле людьми, пункт 4.1.2, для несовершеннолетних (черновой перевод):",
"staff.src.card-4-2": "Перевод памятки UDI о торговле людьми, пункт 4.2 (черновой перевод):",
"staff.src.card-4-3": "Перевод памятки UDI о торговле людьми, пункт 4.3 (черновой перевод):",
"staff.words.confidentiality": "Я и переводчик обязаны соблюдать конфиденциальность. Это значит, что мы не можем рассказывать другим то, что вы говорите здесь, за некоторыми исключениями: я передам в UDI сведения, которые нужны, чтобы вы получили правильную помощь и безопасное жильё. А если кто-то в серьёзной опасности или ребёнку нужна помощь, мы можем быть обязаны сообщить в полицию или в службу защиты детей.",
"staff.words.suspicion": "Мы знаем, что люди в такой же ситуации, как ваша, могут быть жертвами торговли людьми. Торговля людьми — это когда один человек принуждает или эксплуатирует другого, например к проституции, работе, попрошайничеству или преступлениям.",
"staff.words.questions": """• Кто-нибудь эксплуатировал вас или принуждал вас к чему-либо — на родине, в пути или здесь, в Норвегии?
• Есть ли кто-то, кто распоряжается вами, или кто-то, кого вы боитесь в Норвегии?
• Есть ли кто-то, кому вы должны деньги и кто требует, чтобы вы работали или оказывали ему услуги здесь, в Норвегии?""",
"staff.words.minor": "Мы знаем, что некоторые дети вынуждены работать или делать другие вещи для взрослых, чтобы взрослые зарабатывали деньги. Была ли у тебя такая ситуация, или есть сейчас? Знаешь ли ты кого-то, кто в такой ситуации?",
"staff.words.children": "Ваших детей тоже принуждали или эксплуатировали — заставляли работать или оказывать услуги?",
"staff.words.rights": """Если вы жертва торговли людьми, вы можете получить помощь. Запрещено принуждать кого-либо работать на себя или сексуально эксплуатировать кого-либо, например в проституции. Вы можете
• получить безопасное жильё в кризисном центре или от службы защиты детей (несовершеннолетние)
• получить бесплатную помощь адвоката — консультацию и помощь, чтобы заявить в полицию на тех, кто вас эксплуатировал
• подать заявление на период для размышления (refleksjonsperiode) — вид на жительство на {@reflection-period} месяцев, чтобы вы могли уйти от тех, кто вас эксплуатировал
• получить помощь организации IOM (МОМ), чтобы безопасно вернуться на родину, если вы этого хотите

Есть ли у вас вопросы по этой информации?""",
"staff.words.rosa": """Организация помощи ROSA помогает людям, пострадавшим от торговли людьми. Там могут помочь вам найти безопасное место для жизни и бесплатную помощь адвоката. Вы можете связаться с ними в любое время по телефону {@rosa}.

Хотите, я помогу вам связаться с ROSA?

Вы также можете позвонить в полицию по номеру {@police-emergency}, если однажды вам это понадобится.""",
"staff.words.acute": "Вам нужна помощь прямо сейчас?",
"staff.slip.title": "Помощь для вас",
"staff.slip.intro": "Если вы жертва торговли людьми, вы можете получить помощь.",
"staff.slip.rosa": "ROSA помогает найти безопасное жильё и адвоката. Звоните в любое время: {@rosa}. {@rosa.url}",
"staff.slip.police": "Полиция: {@police-emergency}",
"staff.slip.lawyer": "Вы можете получить бесплатную помощь адвоката.",
"staff.slip.reflection": "Вы можете подать заявление на период для размышления — вид на жительство на {@reflection-period} месяцев.",
"staff.slip.iom": "IOM (МОМ) может помочь вам безопасно вернуться на родину, если вы этого хотите.",
"staff.slip.shelter": "Вы можете получить безопасное жильё в кризисном центре.",
"staff.slip.shelter-minor": "Если тебе нет 18 лет, служба защиты детей (barnevernet) может дать тебе безопасное место для жизни. Телефон доверия для детей и молодёжи (Alarmtelefonen): {@alarmtelefonen} (бесплатно, круглосуточно).",
}
uk = {
"staff.src.ours": "Наше формулювання (не цитата з пам'ятки UDI):",
"staff.src.ours-children": "Наше формулювання на основі пам'ятки UDI, пункт 4.1.1:",
"staff.src.card-4-1-1": "Переклад пам'ятки UDI про торгівлю людьми, пункт 4.1.1 (чорновий переклад):",
"staff.src.card-4-1-2": "Переклад пам'ятки UDI про торгівлю людьми, пункт 4.1.2, для неповнолітніх (чорновий переклад):",
"staff.src.card-4-2": "Переклад пам'ятки UDI про торгівлю людьми, пункт 4.2 (чорновий переклад):",
"staff.src.card-4-3": "Переклад пам'ятки UDI про торгівлю людьми, пункт 4.3 (чорновий переклад):",
"staff.words.confidentiality": "Я і перекладач зобов'язані зберігати конфіденційність. Це означає, що ми не можемо розповідати іншим те, що ви кажете тут, за деякими винятками: я передам до UDI відомості, потрібні для того, щоб ви отримали правильну допомогу і безпечне житло. А якщо хтось у серйозній небезпеці або дитині потрібна допомога, ми можемо бути зобов'язані повідомити поліцію або службу захисту дітей.",
"staff.words.suspicion": "Ми знаємо, що люди в такій самій ситуації, як ваша, можуть бути жертвами торгівлі людьми. Торгівля людьми — це коли одна людина примушує або експлуатує іншу, наприклад до проституції, роботи, жебракування чи злочинів.",
"staff.words.questions": """• Чи хтось експлуатував вас або примушував вас до чогось — на батьківщині, в дорозі чи тут, у Норвегії?
• Чи є хтось, хто вирішує за вас, або хтось, кого ви боїтеся в Норвегії?
• Чи є хтось, кому ви винні гроші і хто вимагає, щоб ви працювали або надавали йому послуги тут, у Норвегії?""",
"staff.words.minor": "Ми знаємо, що деякі діти змушені працювати або робити інші речі для дорослих, щоб дорослі заробляли гроші. Чи була в тебе така ситуація, або чи є вона зараз? Чи знаєш ти когось, хто в такій ситуації?",
"staff.words.children": "Чи ваших дітей теж примушували або експлуатували — змушували працювати чи надавати послуги?",
"staff.words.rights": """Якщо ви жертва торгівлі людьми, ви можете отримати допомогу. Заборонено примушувати когось працювати на себе або сексуально експлуатувати когось, наприклад у проституції. Ви можете
• отримати безпечне житло в кризовому центрі або від служби захисту дітей (неповнолітні)
• отримати безкоштовну допомогу адвоката — консультацію і допомогу, щоб заявити в поліцію на тих, хто вас експлуатував
• подати заяву на період для роздумів (refleksjonsperiode) — дозвіл на проживання на {@reflection-period} місяців, щоб ви могли піти від тих, хто вас експлуатував
• отримати допомогу організації IOM (МОМ), щоб безпечно повернутися на батьківщину, якщо ви цього хочете

Чи є у вас запитання щодо цієї інформації?""",
"staff.words.rosa": """Організація допомоги ROSA допомагає людям, які постраждали від торгівлі людьми. Там можуть допомогти вам знайти безпечне місце для життя і безкоштовну допомогу адвоката. Ви можете зв'язатися з ними будь-коли за телефоном {@rosa}.

Хочете, я допоможу вам зв'язатися з ROSA?

Ви також можете зателефонувати в поліцію за номером {@police-emergency}, якщо колись вам це знадобиться.""",
"staff.words.acute": "Вам потрібна допомога просто зараз?",
"staff.slip.title": "Допомога для вас",
"staff.slip.intro": "Якщо ви жертва торгівлі людьми, ви можете отримати допомогу.",
"staff.slip.rosa": "ROSA допомагає знайти безпечне житло й адвоката. Телефонуйте будь-коли: {@rosa}. {@rosa.url}",
"staff.slip.police": "Поліція: {@police-emergency}",
"staff.slip.lawyer": "Ви можете отримати безкоштовну допомогу адвоката.",
"staff.slip.reflection": "Ви можете подати заяву на період для роздумів — дозвіл на проживання на {@reflection-period} місяців.",
"staff.slip.iom": "IOM (МОМ) може допомогти вам безпечно повернутися на батьківщину, якщо ви цього хочете.",
"staff.slip.shelter": "Ви можете отримати безпечне житло в кризовому центрі.",
"staff.slip.shelter-minor": "Якщо тобі немає 18 років, служба захисту дітей (barnevernet) може дати тобі безпечне місце для життя. Телефон довіри для дітей і молоді (Alarmtelefonen): {@alarmtelefonen} (безкоштовно, цілодобово).",
}
emit("fr", "French", fr); emit("ru", "Russian", ru); emit("uk", "Ukrainian", uk)
