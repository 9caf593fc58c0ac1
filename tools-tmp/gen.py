# Writes translations/staff/<lang>.yaml for the resident languages (bilingual keys only).
import sys, json
HEADER = """# Words of the dialog `staff-identification` in {name}: only the parts shown to the
# resident beside the Norwegian (the wording staff read aloud, the rights information and
# the rights slip). Staff-only text is in nb and en. Every text here is a DRAFT
# translation of the Norwegian, written without a human translator (for staff.words.*
# other than confidentiality and children: of UDI's action card,
# corpus/udi-tiltakskort-menneskehandel.txt). A person who reads {name} must review it
# before it is marked reviewed. Grammatical gender: the
# resident is addressed in the masculine/neutral default where the language forces a
# choice; a reviewer should check this.
keys:
"""
ORDER = ["staff.src.ours","staff.src.ours-children","staff.src.card-4-1-1","staff.src.card-4-1-2",
 "staff.src.card-4-2","staff.src.card-4-3","staff.words.confidentiality","staff.words.suspicion",
 "staff.words.questions","staff.words.minor","staff.words.children","staff.words.rights",
 "staff.words.rosa","staff.words.acute","staff.slip.title","staff.slip.intro","staff.slip.rosa",
 "staff.slip.police","staff.slip.lawyer","staff.slip.reflection","staff.slip.iom",
 "staff.slip.shelter","staff.slip.shelter-minor"]
def emit(lang, name, d):
    missing = [k for k in ORDER if k not in d]
    extra = [k for k in d if k not in ORDER]
    assert not missing and not extra, (lang, missing, extra)
    out = [HEADER.format(name=name)]
    for k in ORDER:
        v = d[k].strip()
        if "\n" in v:
            out.append(f"  {k}: |-\n" + "\n".join(("    " + l) if l else "" for l in v.split("\n")) + "\n")
        else:
            out.append(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n")
    open(f"translations/staff/{lang}.yaml", "w").write("".join(out))
