"""The shared topic taxonomy: fixed slugs in code, names translated in the catalogues."""

from django.utils.translation import gettext_lazy as _

TOPICS = {
    "violence-against-children": _("Violence against children"),
    "sexual-abuse": _("Sexual abuse"),
    "trafficking": _("Trafficking"),
    "exploitation": _("Exploitation"),
    "online-safety": _("Online safety"),
    "juvenile-justice": _("Juvenile justice"),
    "alternative-care": _("Alternative care"),
    "children-on-the-move": _("Children on the move"),
    "child-participation": _("Child participation"),
    "children-with-disabilities": _("Children with disabilities"),
    "roma-children": _("Roma children"),
    "family-support": _("Family support"),
    "mental-health": _("Mental health"),
    "professional-wellbeing": _("Professional well-being and burnout"),
    "supervision": _("Supervision"),
    "multidisciplinary-work": _("Multidisciplinary work"),
    "legislation-and-policy": _("Legislation and policy"),
    "children-and-environment": _("Children's rights and the environment"),
}
