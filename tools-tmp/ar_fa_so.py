from gen import emit
ar = {
"staff.src.ours": "صياغتنا نحن (ليست اقتباسًا من بطاقة إجراءات مديرية الهجرة UDI):",
"staff.src.ours-children": "صياغتنا نحن، استنادًا إلى بطاقة إجراءات UDI، البند 4.1.1:",
"staff.src.card-4-1-1": "ترجمة من بطاقة إجراءات UDI بشأن الاتجار بالبشر، البند 4.1.1 (ترجمة أولية):",
"staff.src.card-4-1-2": "ترجمة من بطاقة إجراءات UDI بشأن الاتجار بالبشر، البند 4.1.2، للقاصرين (ترجمة أولية):",
"staff.src.card-4-2": "ترجمة من بطاقة إجراءات UDI بشأن الاتجار بالبشر، البند 4.2 (ترجمة أولية):",
"staff.src.card-4-3": "ترجمة من بطاقة إجراءات UDI بشأن الاتجار بالبشر، البند 4.3 (ترجمة أولية):",
"staff.words.confidentiality": "أنا والمترجم ملزمان بواجب السرية. هذا يعني أننا لا نستطيع أن نخبر الآخرين بما تقوله هنا، مع بعض الاستثناءات: سأعطي مديرية الهجرة (UDI) المعلومات اللازمة لكي تحصل على المساعدة المناسبة ومكان آمن للسكن. وإذا كان أحد في خطر جسيم، أو كان طفل بحاجة إلى مساعدة، فقد نكون ملزمين بإبلاغ الشرطة أو هيئة حماية الطفل.",
"staff.words.suspicion": "نحن نعلم أن أشخاصًا في مثل وضعك قد يكونون قد استُغلّوا في الاتجار بالبشر. الاتجار بالبشر هو عندما يُجبر شخصٌ شخصًا آخر أو يستغله، مثلًا في الدعارة أو العمل أو التسوّل أو الجريمة.",
"staff.words.questions": """• هل استغلك أحد أو أجبرك على فعل شيء، في بلدك الأصلي، أو أثناء الرحلة، أو هنا في النرويج؟
• هل هناك من يتحكم بك، أو أحد تخاف منه في النرويج؟
• هل هناك أحد تدين له بالمال ويطلب منك أن تعمل أو تقدم له خدمات هنا في النرويج؟""",
"staff.words.minor": "نحن نعلم أن بعض الأطفال يُضطرون إلى العمل أو القيام بأشياء أخرى للكبار، لكي يكسب الكبار المال. هل مررت بوضع كهذا، أو هل أنت فيه الآن؟ هل تعرف أحدًا في وضع كهذا؟",
"staff.words.children": "هل أُجبر أطفالك أيضًا أو استُغلّوا في العمل أو في تقديم الخدمات؟",
"staff.words.rights": """إذا كنت ضحية للاتجار بالبشر، يمكنك الحصول على المساعدة. يُمنع إجبار أي شخص على العمل لصالح غيره أو استغلاله جنسيًا، مثلًا في الدعارة. يمكنك
• الحصول على سكن آمن في مركز إيواء للأزمات (krisesenter) أو من هيئة حماية الطفل (للقاصرين)
• الحصول على مساعدة مجانية من محامٍ، للاستشارة ولتقديم بلاغ ضد من استغلوك
• التقدّم بطلب فترة تفكير (refleksjonsperiode)، وهي تصريح إقامة مدته {@reflection-period} أشهر، لكي تتمكن من الابتعاد عمّن استغلوك
• الحصول على مساعدة من منظمة IOM (المنظمة الدولية للهجرة) للعودة الآمنة إلى بلدك إذا رغبت في ذلك

هل لديك أي أسئلة حول هذه المعلومات؟""",
"staff.words.rosa": """منظمة المساعدة ROSA تساعد الأشخاص الذين تعرضوا للاتجار بالبشر. يمكنها مساعدتك في الحصول على مكان آمن للسكن وعلى مساعدة مجانية من محامٍ. يمكنك التواصل معها في أي وقت على الهاتف {@rosa}.

هل تريد أن أساعدك في التواصل مع ROSA؟

يمكنك أيضًا الاتصال بالشرطة على الرقم {@police-emergency} إذا احتجت إلى ذلك يومًا ما.""",
"staff.words.acute": "هل تحتاج إلى مساعدة الآن فورًا؟",
"staff.slip.title": "مساعدة لك",
"staff.slip.intro": "إذا كنت ضحية للاتجار بالبشر، يمكنك الحصول على المساعدة.",
"staff.slip.rosa": "ROSA تساعدك في الحصول على مكان آمن للسكن وعلى محامٍ. اتصل في أي وقت: {@rosa}. {@rosa.url}",
"staff.slip.police": "الشرطة: {@police-emergency}",
"staff.slip.lawyer": "يمكنك الحصول على مساعدة مجانية من محامٍ.",
"staff.slip.reflection": "يمكنك التقدّم بطلب فترة تفكير، وهي تصريح إقامة لمدة {@reflection-period} أشهر.",
"staff.slip.iom": "يمكن لمنظمة IOM مساعدتك على العودة الآمنة إلى بلدك إذا رغبت في ذلك.",
"staff.slip.shelter": "يمكنك الحصول على سكن آمن في مركز إيواء للأزمات (krisesenter).",
"staff.slip.shelter-minor": "إذا كان عمرك أقل من 18 سنة، يمكن لهيئة حماية الطفل (barnevernet) أن توفر لك مكانًا آمنًا للسكن. خط المساعدة للأطفال والشباب (Alarmtelefonen): {@alarmtelefonen} (مجاني، على مدار الساعة).",
}
fa = {
"staff.src.ours": "عبارت‌پردازی خود ما (نقل قول از کارت اقدامات اداره مهاجرت UDI نیست):",
"staff.src.ours-children": "عبارت‌پردازی خود ما، بر اساس کارت اقدامات UDI، بند 4.1.1:",
"staff.src.card-4-1-1": "ترجمه از کارت اقدامات UDI درباره قاچاق انسان، بند 4.1.1 (ترجمه اولیه):",
"staff.src.card-4-1-2": "ترجمه از کارت اقدامات UDI درباره قاچاق انسان، بند 4.1.2، برای افراد زیر 18 سال (ترجمه اولیه):",
"staff.src.card-4-2": "ترجمه از کارت اقدامات UDI درباره قاچاق انسان، بند 4.2 (ترجمه اولیه):",
"staff.src.card-4-3": "ترجمه از کارت اقدامات UDI درباره قاچاق انسان، بند 4.3 (ترجمه اولیه):",
"staff.words.confidentiality": "من و مترجم موظف به رازداری هستیم. یعنی نمی‌توانیم آنچه را اینجا می‌گویید به دیگران بگوییم، مگر در چند مورد: من اطلاعات لازم را به اداره مهاجرت (UDI) می‌دهم تا شما کمک درست و جای امنی برای زندگی بگیرید. و اگر کسی در خطر جدی باشد، یا کودکی به کمک نیاز داشته باشد، ممکن است موظف باشیم به پلیس یا اداره حمایت از کودکان اطلاع دهیم.",
"staff.words.suspicion": "ما می‌دانیم که افرادی که در وضعیتی مثل شما هستند، ممکن است در قاچاق انسان مورد بهره‌کشی قرار گرفته باشند. قاچاق انسان یعنی اینکه یک نفر دیگری را مجبور کند یا از او بهره‌کشی کند، مثلاً برای تن‌فروشی، کار، گدایی یا جرم.",
"staff.words.questions": """• آیا کسی از شما بهره‌کشی کرده یا شما را به کاری مجبور کرده است، در کشور خودتان، در طول سفر یا اینجا در نروژ؟
• آیا کسی هست که برای شما تصمیم می‌گیرد، یا کسی که در نروژ از او می‌ترسید؟
• آیا به کسی بدهکار هستید که از شما می‌خواهد اینجا در نروژ برایش کار یا خدمتی انجام دهید؟""",
"staff.words.minor": "ما می‌دانیم که بعضی از بچه‌ها مجبورند برای بزرگسالان کار کنند یا کارهای دیگری انجام دهند تا بزرگسالان پول به دست بیاورند. آیا تو در چنین وضعیتی بوده‌ای یا الان هستی؟ آیا کسی را می‌شناسی که در چنین وضعیتی باشد؟",
"staff.words.children": "آیا فرزندان شما هم به کار یا خدمت مجبور شده‌اند یا مورد بهره‌کشی قرار گرفته‌اند؟",
"staff.words.rights": """اگر قربانی قاچاق انسان هستید، می‌توانید کمک بگیرید. مجبور کردن کسی به کار کردن برای خود یا بهره‌کشی جنسی از کسی، مثلاً در تن‌فروشی، ممنوع است. شما می‌توانید
• در یک مرکز بحران (krisesenter) یا از طریق اداره حمایت از کودکان (برای افراد زیر 18 سال) جای امنی برای زندگی بگیرید
• برای مشاوره و برای شکایت از کسانی که از شما بهره‌کشی کرده‌اند، کمک رایگان وکیل بگیرید
• برای «دوره تأمل» (refleksjonsperiode) درخواست بدهید؛ یک اجازه اقامت {@reflection-period} ماهه، تا بتوانید از کسانی که از شما بهره‌کشی کرده‌اند دور شوید
• اگر بخواهید، از سازمان IOM (سازمان بین‌المللی مهاجرت) برای بازگشت امن به کشورتان کمک بگیرید

آیا درباره این اطلاعات سؤالی دارید؟""",
"staff.words.rosa": """سازمان کمک‌رسان ROSA به افرادی که قربانی قاچاق انسان شده‌اند کمک می‌کند. آن‌ها می‌توانند کمک کنند که جای امنی برای زندگی و کمک رایگان وکیل بگیرید. هر وقت بخواهید می‌توانید با شماره تلفن {@rosa} با آن‌ها تماس بگیرید.

آیا می‌خواهید کمک کنم با ROSA تماس بگیرید؟

اگر روزی لازم شد، می‌توانید با شماره {@police-emergency} با پلیس هم تماس بگیرید.""",
"staff.words.acute": "آیا همین الان به کمک نیاز دارید؟",
"staff.slip.title": "کمک برای شما",
"staff.slip.intro": "اگر قربانی قاچاق انسان هستید، می‌توانید کمک بگیرید.",
"staff.slip.rosa": "ROSA کمک می‌کند جای امنی برای زندگی و وکیل پیدا کنید. هر وقت خواستید تماس بگیرید: {@rosa}. {@rosa.url}",
"staff.slip.police": "پلیس: {@police-emergency}",
"staff.slip.lawyer": "می‌توانید کمک رایگان وکیل بگیرید.",
"staff.slip.reflection": "می‌توانید برای «دوره تأمل» درخواست بدهید؛ یک اجازه اقامت {@reflection-period} ماهه.",
"staff.slip.iom": "اگر بخواهید، IOM می‌تواند برای بازگشت امن به کشورتان به شما کمک کند.",
"staff.slip.shelter": "می‌توانید در یک مرکز بحران (krisesenter) جای امنی برای زندگی بگیرید.",
"staff.slip.shelter-minor": "اگر زیر 18 سال هستی، اداره حمایت از کودکان (barnevernet) می‌تواند به تو جای امنی برای زندگی بدهد. خط کمک برای کودکان و نوجوانان (Alarmtelefonen): {@alarmtelefonen} (رایگان، شبانه‌روزی).",
}
so = {
"staff.src.ours": "Erayadayada (kama aha xigasho laga soo qaaday kaarka tallaabooyinka ee UDI):",
"staff.src.ours-children": "Erayadayada, oo lagu saleeyay kaarka tallaabooyinka ee UDI, qodobka 4.1.1:",
"staff.src.card-4-1-1": "Turjumaad laga sameeyay kaarka tallaabooyinka ee UDI ee ku saabsan ka ganacsiga dadka, qodobka 4.1.1 (turjumaad qabyo ah):",
"staff.src.card-4-1-2": "Turjumaad laga sameeyay kaarka tallaabooyinka ee UDI ee ku saabsan ka ganacsiga dadka, qodobka 4.1.2, carruurta (turjumaad qabyo ah):",
"staff.src.card-4-2": "Turjumaad laga sameeyay kaarka tallaabooyinka ee UDI ee ku saabsan ka ganacsiga dadka, qodobka 4.2 (turjumaad qabyo ah):",
"staff.src.card-4-3": "Turjumaad laga sameeyay kaarka tallaabooyinka ee UDI ee ku saabsan ka ganacsiga dadka, qodobka 4.3 (turjumaad qabyo ah):",
"staff.words.confidentiality": "Aniga iyo turjumaanka waxaa na saaran waajibka sir-hayaha. Taas macnaheedu waa in aynaan dadka kale u sheegi karin waxa aad halkan ku sheegto, marka laga reebo xaalado yar: waxaan UDI siin doonaa macluumaadka loo baahan yahay si aad u hesho caawimaad sax ah iyo meel ammaan ah oo aad ku noolaato. Haddii qof uu ku jiro khatar weyn, ama ilmo uu caawimaad u baahan yahay, waxaa laga yaabaa inay waajib nagu tahay inaan u sheegno booliska ama hay'adda daryeelka carruurta.",
"staff.words.suspicion": "Waxaan ognahay in dadka xaalad la mid ah taada ku jira laga yaabo in looga faa'iidaystay ka ganacsiga dadka. Ka ganacsiga dadka waa marka qof uu qof kale qasbo ama ka faa'iidaysto, tusaale ahaan dhillaysi, shaqo, tuugsi ama dambi.",
"staff.words.questions": """• Qof ma kaa faa'iidaystay ama ma kugu qasbay inaad wax samayso, dalkaaga hooyo, safarka, ama halkan Norway?
• Ma jiraa qof go'aan kaa gaara, ama qof aad ka baqdo oo Norway jooga?
• Ma jiraa qof aad lacag ka qabto (deyn) oo kaa doonaya inaad u qabato shaqo ama adeeg halkan Norway?""",
"staff.words.minor": "Waxaan ognahay in carruurta qaarkood lagu qasbo inay u shaqeeyaan ama wax kale u qabtaan dad waaweyn, si dadka waaweyni lacag u helaan. Ma ku jirtay xaalad noocaas ah, mise hadda ayaad ku jirtaa? Ma taqaan qof ku jira xaalad noocaas ah?",
"staff.words.children": "Carruurtaada miyaa iyana lagu qasbay ama looga faa'iidaystay shaqo ama adeeg?",
"staff.words.rights": """Haddii lagugu sameeyay ka ganacsiga dadka, waxaad heli kartaa caawimaad. Waa mamnuuc in qof lagu qasbo inuu kuu shaqeeyo ama in qof si galmo ah looga faa'iidaysto, tusaale ahaan dhillaysi. Waxaad awoodaa inaad
• hesho hoy ammaan ah oo ku yaal xarun gurmad (krisesenter) ama ka hesho hay'adda daryeelka carruurta (carruurta)
• hesho caawimaad bilaash ah oo qareen, si lagu taliyo iyo si aad dacwad uga gudbiso kuwa kaa faa'iidaystay
• codsato muddo ka fiirsasho (refleksjonsperiode), oo ah ogolaansho deganaansho oo socda {@reflection-period} bilood, si aad uga fogaato kuwa kaa faa'iidaystay
• ka hesho hay'adda IOM caawimaad aad si ammaan ah ugu laabato dalkaaga, haddii aad rabto

Ma qabtaa wax su'aalo ah oo ku saabsan macluumaadkan?""",
"staff.words.rosa": """Hay'adda gargaarka ROSA waxay caawisaa dadka lagu sameeyay ka ganacsiga dadka. Waxay kaa caawin karaan inaad hesho meel ammaan ah oo aad ku noolaato iyo caawimaad bilaash ah oo qareen. Waxaad la xiriiri kartaa wakhti kasta taleefanka {@rosa}.

Ma rabtaa inaan kaa caawiyo inaad la xiriirto ROSA?

Sidoo kale waxaad booliska ka wici kartaa {@police-emergency} haddii aad maalin u baahato.""",
"staff.words.acute": "Ma u baahan tahay caawimaad hadda isla markiiba?",
"staff.slip.title": "Caawimaad adiga kuu ah",
"staff.slip.intro": "Haddii lagugu sameeyay ka ganacsiga dadka, waxaad heli kartaa caawimaad.",
"staff.slip.rosa": "ROSA waxay kaa caawisaa meel ammaan ah oo aad ku noolaato iyo qareen. Wac wakhti kasta: {@rosa}. {@rosa.url}",
"staff.slip.police": "Booliska: {@police-emergency}",
"staff.slip.lawyer": "Waxaad heli kartaa caawimaad bilaash ah oo qareen.",
"staff.slip.reflection": "Waxaad codsan kartaa muddo ka fiirsasho, oo ah ogolaansho deganaansho oo {@reflection-period} bilood ah.",
"staff.slip.iom": "IOM waxay kaa caawin kartaa inaad si ammaan ah ugu laabato dalkaaga, haddii aad rabto.",
"staff.slip.shelter": "Waxaad hoy ammaan ah ka heli kartaa xarun gurmad (krisesenter).",
"staff.slip.shelter-minor": "Haddii aad ka yar tahay 18 sano, hay'adda daryeelka carruurta (barnevernet) waxay ku siin kartaa meel ammaan ah oo aad ku noolaato. Khadka caawimaadda carruurta iyo dhallinyarada (Alarmtelefonen): {@alarmtelefonen} (bilaash, habeen iyo maalin).",
}
emit("ar", "Arabic", ar); emit("fa", "Persian (Farsi/Dari)", fa); emit("so", "Somali", so)
