package huiqi.web.fulfilment;

import huiqi.fulfilment.CaseState;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** ?state= in pages and the API: the Chinese label (as links and forms send it) or the English name. */
@Component
class CaseStateParam implements Converter<String, CaseState> {
    @Override
    public CaseState convert(String source) {
        return CaseState.parse(source.strip());
    }
}
