package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;

/** One published notice on its public page; an unknown number is the not-found page (404). */
@Named
@RequestScoped
public class ReadNotice {
    @EJB NoticePortal portal;

    private String no;
    private NoticeView.Detail notice;

    public void load() throws IOException {
        try {
            notice = portal.detail(no);
        } catch (Refusal r) {
            if (r.code() != ProblemCode.NOTICE_NOT_FOUND) {
                throw r;
            }
            FacesContext fc = FacesContext.getCurrentInstance();
            ExternalContext ec = fc.getExternalContext();
            ec.responseSendError(404, r.getMessage());
            fc.responseComplete();
        }
    }

    public NoticeView.Detail getNotice() {
        return notice;
    }

    /** Whether a supplier may still enrol from here: the project is open. */
    public boolean isOpen() {
        return notice != null
                && notice.projectId() != null
                && "PUBLISHED".equals(notice.projectState());
    }

    public String getNo() {
        return no;
    }

    public void setNo(String no) {
        this.no = no;
    }
}
