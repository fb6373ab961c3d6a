import { defineMessages } from '../../i18n/define';

// Topics ("Argomenti") pages.
export const messages = defineMessages(
  {
    'topics.title': 'Argomenti',
    'topics.lead': 'I servizi di WeMi raccolti per argomento: scegli un argomento per vedere le categorie di servizi che lo riguardano.',
    'topics.list': 'Tutti gli argomenti',
    'topics.topic.categories': 'Categorie di servizi',
    'topics.topic.categoriesLead': 'Scegli una categoria per vedere i servizi offerti dagli enti e dal Comune.',
    'topics.topic.none': 'Al momento non ci sono categorie di servizi su questo argomento.',
    'topics.topic.total': '{count} su questo argomento',
    'topics.topic.others': 'Altri argomenti',
    'topics.count.zero': 'Nessun servizio al momento',
    'topics.count.one': '1 servizio',
    'topics.count.other': '{n} servizi',
  },
  {
    'topics.title': 'Topics',
    'topics.lead': 'WeMi’s services grouped by topic: choose a topic to see the categories of services about it.',
    'topics.list': 'All topics',
    'topics.topic.categories': 'Service categories',
    'topics.topic.categoriesLead': 'Choose a category to see the services offered by the organisations and the City.',
    'topics.topic.none': 'There are no service categories on this topic at the moment.',
    'topics.topic.total': '{count} on this topic',
    'topics.topic.others': 'Other topics',
    'topics.count.zero': 'No services at the moment',
    'topics.count.one': '1 service',
    'topics.count.other': '{n} services',
  },
);
