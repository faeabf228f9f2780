"""Write the synthetic résumés of this folder (fictional people; run again to regenerate).

    python tests/data/resumes/_generate.py

Every résumé is made from a profession's pools of titles, bullets and skills, rendered in one of
several layouts (Markdown headings, UPPER-CASE headings, "Label:" headings, prose-heavy, one-line
entries) with varied date formats, so the assessment is tested on varied shapes rather than one
template. ``labels.csv`` records each file's profession and whether it is an AI/ML profile
(``relevant``), which ``bench/assess_auc.py`` uses. Names, cities and pronouns are random and
independent of the label. A fixed seed makes the output reproducible.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent

FIRST = ["Aisha", "Ben", "Carmen", "Dmitri", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lucas",
         "Mei", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Ximena",
         "Yusuf", "Zara", "Amara", "Bruno", "Chloe", "Diego", "Esther", "Felix", "Hana", "Ivan", "Leila", "Marco"]
LAST = ["Okafor", "Schmidt", "Garcia", "Petrov", "Yilmaz", "Haddad", "Kim", "Tanaka", "Silva", "Berg", "Adeyemi",
        "Rossi", "Chen", "Patel", "Novak", "Costa", "Murphy", "Lopez", "Larsen", "Rahman", "Iyer", "Dubois", "Liu",
        "Hernandez", "Demir", "Ahmed", "Mensah", "Ferreira", "Martin", "Alvarez", "Cohen", "Weber", "Sato", "Kowalski"]
CITIES = ["Lisbon, Portugal", "Toronto, ON", "Austin, TX", "Manchester, UK", "Lyon, France", "Nairobi, Kenya",
          "Bangalore, India", "Warsaw, Poland", "Melbourne, Australia", "Chicago, IL", "Madrid, Spain", "Seoul"]

# profession -> (relevant, titles, employers, bullet pool, skills pool, education pool, summary pool)
P: dict[str, dict] = {}

P["ml-engineer"] = dict(relevant=True, titles=["Machine Learning Engineer", "ML Engineer", "Senior ML Engineer", "Applied ML Engineer"],
    employers=["Orbital Freight", "Helix Bank", "ShopLoop", "Medisense", "Tidewave Energy", "Quanta Ads"],
    bullets=[
        "Trained gradient-boosted models (XGBoost, LightGBM) for churn prediction and shipped them behind a FastAPI service.",
        "Built PyTorch training pipelines for image classification with CNNs; cut error rate by 18%.",
        "Owned feature engineering and model evaluation (precision/recall, ROC AUC) for fraud detection.",
        "Deployed models with Docker and Kubernetes; tracked experiments in MLflow.",
        "Migrated batch scoring from cron jobs to Airflow DAGs reading from Snowflake with SQL.",
        "Implemented hyperparameter tuning and cross-validation with scikit-learn and Optuna.",
        "Wrote data preprocessing with pandas and NumPy over 200M rows; moved heavy joins to Spark.",
        "Set up CI/CD for models with GitHub Actions and unit tests in pytest.",
        "Prototyped a recommendation model with TensorFlow and embeddings; A/B tested against the baseline.",
        "Served real-time predictions on AWS SageMaker with latency under 40 ms.",
        "Added model monitoring for data drift and retraining triggers.",
        "Introduced an LLM-based classifier using the OpenAI API for support-ticket routing.",
    ],
    skills=["Python", "SQL", "PyTorch", "TensorFlow", "scikit-learn", "XGBoost", "pandas", "NumPy", "Docker", "Kubernetes",
            "AWS", "MLflow", "Airflow", "Spark", "Git", "Linux", "feature engineering", "deep learning"],
    education=["M.Sc. Computer Science", "B.Sc. Mathematics", "M.Eng. Electrical Engineering", "B.Sc. Statistics"],
    summary=["Machine learning engineer who takes models from notebook to production.",
             "Engineer focused on reliable ML systems, from feature pipelines to serving.",
             "I build and ship machine learning models that people actually use."])

P["data-scientist"] = dict(relevant=True, titles=["Data Scientist", "Senior Data Scientist", "Lead Data Scientist", "Data Scientist II"],
    employers=["Cartwheel Insurance", "Greenfield Retail", "Northstar Telecom", "Vita Pharma", "Pulse Media"],
    bullets=[
        "Built customer lifetime value models with regression and random forests in scikit-learn.",
        "Designed and analysed A/B tests; hypothesis testing and confidence intervals for product decisions.",
        "Exploratory data analysis in pandas and Jupyter; presented findings to executives.",
        "Developed time-series forecasting (Prophet, ARIMA) for weekly demand.",
        "Clustered customers with k-means and PCA for segmentation in marketing campaigns.",
        "Wrote complex SQL in BigQuery and built dashboards in Tableau.",
        "Trained NLP models for sentiment analysis with Hugging Face Transformers (BERT).",
        "Applied Bayesian statistics to estimate conversion uplift.",
        "Productionised a propensity model with the engineering team using Docker.",
        "Built a churn model with logistic regression and gradient boosting; explained it with SHAP.",
        "Used R and ggplot2 for statistical reports for the medical affairs team.",
        "Experimented with GPT-4 prompts to summarise survey answers, with an evaluation set.",
    ],
    skills=["Python", "R", "SQL", "pandas", "scikit-learn", "statistics", "machine learning", "Tableau", "Jupyter",
            "NumPy", "matplotlib", "A/B testing", "data visualization", "Spark", "communication"],
    education=["Ph.D. Statistics", "M.Sc. Data Science", "M.Sc. Applied Mathematics", "B.Sc. Economics"],
    summary=["Data scientist turning messy data into decisions.",
             "Statistician by training, data scientist by trade.",
             "Data scientist with a strong grounding in experimentation and machine learning."])

P["llm-engineer"] = dict(relevant=True, titles=["LLM Engineer", "Generative AI Engineer", "AI Engineer", "Senior AI Engineer (LLM)"],
    employers=["Papertrail AI", "Lexica Legal Tech", "Brightdesk", "Convo Labs", "Atlas Search"],
    bullets=[
        "Built retrieval-augmented generation (RAG) over 2M documents with LangChain and a Pinecone vector database.",
        "Fine-tuned Llama 3 and Mistral models with LoRA and QLoRA on PyTorch; evaluated with an LLM-as-judge harness.",
        "Designed prompt engineering patterns, few-shot templates and guardrails against prompt injection.",
        "Shipped an agent with tool calling (function calling) that files support tickets; LangGraph orchestration.",
        "Served open models with vLLM on Kubernetes; cut cost per 1k tokens by 60%.",
        "Built embeddings pipelines with sentence-transformers and hybrid search in Elasticsearch.",
        "Set up offline evaluation of LLM answers (faithfulness, relevance) and regression tests in CI.",
        "Integrated the OpenAI API and Anthropic Claude with fallbacks and caching.",
        "Used LlamaIndex to index product manuals; chunking and reranking experiments.",
        "Worked with legal on responsible AI reviews and data privacy (GDPR) for user prompts.",
        "Trained a small transformer for intent classification with Hugging Face Transformers.",
        "Wrote Python services with FastAPI and async workers; Redis for caching.",
    ],
    skills=["Python", "LLMs", "RAG", "LangChain", "LlamaIndex", "prompt engineering", "vector databases", "PyTorch",
            "Hugging Face", "fine-tuning", "Docker", "Kubernetes", "AWS", "GCP", "FastAPI", "Git", "SQL"],
    education=["M.Sc. Artificial Intelligence", "B.Sc. Computer Science", "M.Sc. Computational Linguistics"],
    summary=["Engineer building production LLM applications: RAG, agents and evaluation.",
             "Generative AI engineer with a software engineering background.",
             "I build LLM products that are measured, safe and cheap to run."])

P["mlops-engineer"] = dict(relevant=True, titles=["MLOps Engineer", "ML Platform Engineer", "Machine Learning Infrastructure Engineer"],
    employers=["Fathom Cloud", "Routewise", "Kinetic Robotics", "Sparrow Health"],
    bullets=[
        "Built the ML platform on Kubernetes with Kubeflow pipelines and MLflow model registry.",
        "Automated model training and deployment with CI/CD (GitLab CI, Argo CD) and Terraform.",
        "Set up model monitoring (Prometheus, Grafana, Evidently) for drift and latency.",
        "Packaged PyTorch and TensorFlow models with Docker and served them with Triton Inference Server.",
        "Managed GPU clusters on AWS (EKS, SageMaker) and cut training costs by 35%.",
        "Wrote feature store integrations (Feast) and data validation with Great Expectations.",
        "Supported data scientists with reproducible environments and experiment tracking.",
        "Introduced LLM serving with vLLM and autoscaling for a generative AI assistant.",
    ],
    skills=["Python", "Kubernetes", "Docker", "Terraform", "MLflow", "Kubeflow", "AWS", "GCP", "CI/CD", "Linux",
            "Prometheus", "Airflow", "PyTorch", "Bash", "Git"],
    education=["B.Sc. Computer Engineering", "M.Sc. Software Engineering", "B.Eng. Information Systems"],
    summary=["Platform engineer who makes machine learning boring to deploy.",
             "MLOps engineer: pipelines, serving, monitoring."])

P["ai-researcher"] = dict(relevant=True, titles=["Research Scientist", "AI Research Scientist", "Postdoctoral Researcher, Machine Learning"],
    employers=["Institute for Intelligent Systems", "DeepForge Research", "University of Lund", "Kestrel AI Lab"],
    bullets=[
        "Published work on diffusion models and variational autoencoders (VAEs) for image generation at NeurIPS and ICML.",
        "Researched reinforcement learning from human feedback (RLHF) for aligning language models.",
        "Implemented transformer architectures and attention variants in PyTorch and JAX.",
        "Studied generative adversarial networks (GANs) for data augmentation in medical imaging.",
        "Ran large-scale distributed training on GPU clusters with CUDA and mixed precision.",
        "Supervised master's students and taught a course on deep learning.",
        "Designed evaluation benchmarks for large language models and their reasoning.",
        "Worked on model interpretability and fairness of neural networks.",
    ],
    skills=["PyTorch", "JAX", "Python", "deep learning", "transformers", "reinforcement learning", "CUDA", "LaTeX",
            "statistics", "computer vision", "NLP"],
    education=["Ph.D. Machine Learning", "Ph.D. Computer Science", "Ph.D. Physics"],
    summary=["Researcher in generative models and deep learning.",
             "Machine learning scientist working on alignment and evaluation of language models."])

P["nlp-engineer"] = dict(relevant=True, titles=["NLP Engineer", "Computational Linguist", "NLP Data Scientist"],
    employers=["Wordsmith Analytics", "Polyglot Systems", "Clarion Voice"],
    bullets=[
        "Built named entity recognition and text classification with spaCy and BERT.",
        "Trained sequence-to-sequence models for summarisation with Hugging Face Transformers.",
        "Developed topic modelling and word embeddings (word2vec) for customer feedback.",
        "Built a semantic search over support articles with sentence embeddings and FAISS.",
        "Annotated corpora and measured inter-annotator agreement; evaluation with F1.",
        "Prompted GPT models for data labelling and compared against fine-tuned classifiers.",
    ],
    skills=["Python", "NLP", "spaCy", "NLTK", "Transformers", "PyTorch", "scikit-learn", "SQL", "Docker", "regex"],
    education=["M.A. Linguistics", "M.Sc. Computational Linguistics", "B.Sc. Computer Science"],
    summary=["NLP engineer at the meeting point of linguistics and machine learning."])

P["cv-engineer"] = dict(relevant=True, titles=["Computer Vision Engineer", "Perception Engineer", "Deep Learning Engineer (Vision)"],
    employers=["Optic Drones", "Farmsight", "Autonomo Mobility"],
    bullets=[
        "Trained object detection models (YOLO, Faster R-CNN) with PyTorch for drone imagery.",
        "Built image segmentation with U-Net and convolutional neural networks for crop health.",
        "Optimised inference with ONNX and TensorRT on edge devices in C++.",
        "Generated synthetic training images with Stable Diffusion for rare classes.",
        "Implemented data augmentation pipelines with OpenCV and albumentations.",
        "Wrote evaluation (mAP, IoU) and error analysis dashboards.",
    ],
    skills=["Python", "C++", "PyTorch", "OpenCV", "computer vision", "deep learning", "CUDA", "Docker", "Linux"],
    education=["M.Sc. Robotics", "B.Eng. Mechatronics", "M.Sc. Computer Vision"],
    summary=["Computer vision engineer shipping deep learning to the edge."])

# ---------------------------------------------------------------- not AI/ML
P["backend-developer"] = dict(relevant=False, titles=["Backend Developer", "Software Engineer", "Senior Java Developer"],
    employers=["PayStream", "Ticketly", "Harbor Logistics", "CivicSoft"],
    bullets=[
        "Built REST APIs in Java and Spring Boot serving 5k requests per second.",
        "Designed PostgreSQL schemas and tuned slow SQL queries.",
        "Moved services to Docker and Kubernetes on AWS; wrote Terraform modules.",
        "Introduced code review guidelines and unit testing with JUnit.",
        "Built event-driven integrations with Kafka and RabbitMQ.",
        "Maintained CI pipelines in Jenkins and GitHub Actions.",
        "Wrote internal tooling in Python and Bash scripts.",
    ],
    skills=["Java", "Spring Boot", "SQL", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Git", "Kafka", "Linux", "REST APIs"],
    education=["B.Sc. Computer Science", "B.Sc. Software Engineering"],
    summary=["Backend engineer who likes boring, reliable systems."])

P["frontend-developer"] = dict(relevant=False, titles=["Frontend Developer", "UI Engineer", "Full-Stack Developer"],
    employers=["Pixelbloom", "Stayhop", "Learnly", "Greenbasket"],
    bullets=[
        "Built single-page apps in React and TypeScript with a shared design system.",
        "Improved Core Web Vitals and accessibility (WCAG 2.1) across the storefront.",
        "Wrote Node.js backends-for-frontends and GraphQL resolvers.",
        "Set up end-to-end tests with Cypress and component tests with Jest.",
        "Worked closely with designers in Figma and product managers on weekly releases.",
        "Integrated payment flows with Stripe.",
    ],
    skills=["JavaScript", "TypeScript", "React", "HTML", "CSS", "Node.js", "GraphQL", "Git", "Figma", "Jest"],
    education=["B.A. Interaction Design", "B.Sc. Computer Science", "Coding bootcamp certificate"],
    summary=["Frontend developer who cares about accessibility and speed."])

P["mobile-developer"] = dict(relevant=False, titles=["iOS Developer", "Android Developer", "Mobile Engineer"],
    employers=["FitTrack", "Roamly", "Bankly Mobile"],
    bullets=[
        "Built iOS features in Swift and SwiftUI used by 2M monthly users.",
        "Developed Android apps in Kotlin with Jetpack Compose.",
        "Set up crash reporting and release automation with Fastlane.",
        "Collaborated with backend teams on REST API contracts.",
    ],
    skills=["Swift", "Kotlin", "iOS", "Android", "Git", "Firebase", "REST APIs", "CI/CD"],
    education=["B.Sc. Computer Science", "B.Eng. Software Engineering"],
    summary=["Mobile engineer shipping polished apps."])

P["devops-engineer"] = dict(relevant=False, titles=["DevOps Engineer", "Site Reliability Engineer", "Cloud Engineer"],
    employers=["Streamhouse", "Ledgerline", "Cargo Nine"],
    bullets=[
        "Ran production Kubernetes clusters on GCP and AWS with Terraform and Helm.",
        "Built CI/CD pipelines with GitLab CI and Argo CD for 60 services.",
        "On-call for incident response; wrote postmortems and SLOs.",
        "Automated configuration with Ansible and Bash; monitoring with Prometheus and Grafana.",
        "Reduced cloud spend by 25% through rightsizing.",
    ],
    skills=["Kubernetes", "Docker", "Terraform", "AWS", "GCP", "Linux", "Bash", "Python", "Prometheus", "Git", "Ansible"],
    education=["B.Sc. Information Technology", "Diploma in Network Engineering"],
    summary=["SRE who automates the toil away."])

P["embedded-engineer"] = dict(relevant=False, titles=["Embedded Software Engineer", "Firmware Engineer"],
    employers=["Voltaic Devices", "Heatwise Controls"],
    bullets=[
        "Wrote firmware in C and C++ for ARM Cortex-M microcontrollers.",
        "Developed drivers for SPI, I2C and CAN bus peripherals.",
        "Debugged hardware with oscilloscopes and JTAG; RTOS scheduling with FreeRTOS.",
        "Worked with hardware engineers on board bring-up and EMC testing.",
    ],
    skills=["C", "C++", "embedded systems", "RTOS", "Git", "Python", "Linux"],
    education=["B.Eng. Electronic Engineering", "M.Sc. Embedded Systems"],
    summary=["Firmware engineer close to the metal."])

P["data-analyst"] = dict(relevant=False, titles=["Data Analyst", "Business Intelligence Analyst", "Reporting Analyst"],
    employers=["Maple Grocers", "CityTransit", "Northern Utilities", "Brightside Hotels"],
    bullets=[
        "Built weekly sales dashboards in Power BI and Tableau for regional managers.",
        "Wrote SQL queries against the data warehouse to answer ad-hoc questions.",
        "Cleaned and reconciled data in Excel with pivot tables and VLOOKUP.",
        "Automated monthly reports with Python and pandas, saving two days a month.",
        "Presented KPI reviews to operations leadership.",
        "Documented metric definitions and data quality checks.",
    ],
    skills=["SQL", "Excel", "Power BI", "Tableau", "Python", "pandas", "data visualization", "communication"],
    education=["B.A. Economics", "B.Sc. Business Analytics", "B.Com. Finance"],
    summary=["Analyst who turns spreadsheets into decisions."])

P["financial-analyst"] = dict(relevant=False, titles=["Financial Analyst", "FP&A Analyst", "Senior Financial Analyst"],
    employers=["Crestline Capital", "Aurora Manufacturing", "Harbor Health System"],
    bullets=[
        "Built three-statement financial models and monthly forecasts in Excel.",
        "Led budgeting and variance analysis for a 40M cost base.",
        "Prepared board presentations and investment cases.",
        "Worked with SAP and Hyperion for consolidation.",
    ],
    skills=["Excel", "financial modelling", "SAP", "PowerPoint", "forecasting", "SQL"],
    education=["B.Com. Accounting", "MBA Finance", "CFA Level II candidate"],
    summary=["Finance professional with a love of clean models."])

P["marketing-analyst"] = dict(relevant=False, titles=["Marketing Analyst", "Growth Marketing Manager", "Digital Marketing Specialist"],
    employers=["Bloom Cosmetics", "Wayfarer Travel", "Kettle & Co."],
    bullets=[
        "Ran paid search and social campaigns with a 1.2M annual budget.",
        "Analysed campaign performance in Google Analytics and Excel.",
        "Wrote copy and briefed agencies; tested landing pages.",
        "Built email journeys in HubSpot and measured retention.",
        "Used ChatGPT to draft social posts and product descriptions.",
    ],
    skills=["Google Analytics", "SEO", "Excel", "HubSpot", "copywriting", "content marketing", "communication"],
    education=["B.A. Marketing", "B.A. Communications"],
    summary=["Marketer who lives in the numbers."])

P["business-analyst"] = dict(relevant=False, titles=["Business Analyst", "IT Business Analyst", "Product Owner"],
    employers=["Sterling Insurance", "Govtech Services", "Meridian Logistics"],
    bullets=[
        "Gathered requirements from stakeholders and wrote user stories in Jira.",
        "Mapped business processes with BPMN and ran workshops.",
        "Coordinated UAT and release planning in an Agile Scrum team.",
        "Wrote SQL to validate data migrations.",
    ],
    skills=["requirements analysis", "Jira", "Confluence", "SQL", "Agile", "Scrum", "stakeholder management", "Excel"],
    education=["B.Sc. Information Systems", "B.A. Business Administration"],
    summary=["Business analyst bridging operations and IT."])

def _plain(name, relevant, titles, employers, bullets, skills, education, summary):
    return dict(relevant=relevant, titles=titles, employers=employers, bullets=bullets, skills=skills,
                education=education, summary=summary)

P["nurse"] = _plain("nurse", False, ["Registered Nurse", "Staff Nurse, ICU", "Charge Nurse"],
    ["St. Mary's Hospital", "Riverside Medical Centre", "County General"],
    ["Provided direct patient care on a 32-bed medical-surgical unit.",
     "Administered medications and monitored vital signs; documented in Epic.",
     "Educated patients and families on discharge plans.",
     "Precepted new graduate nurses and led shift huddles.",
     "Responded to rapid-response calls; BLS and ACLS certified."],
    ["patient care", "medication administration", "Epic EHR", "BLS", "ACLS", "wound care", "teamwork"],
    ["B.Sc. Nursing", "Associate Degree in Nursing"], ["Compassionate nurse with eight years in acute care."])
P["chef"] = _plain("chef", False, ["Head Chef", "Sous Chef", "Chef de Partie"],
    ["Olive & Thyme", "The Harbour Kitchen", "Grand Palace Hotel"],
    ["Designed seasonal menus and costed dishes to a 28% food cost.",
     "Ran a brigade of 12 cooks across two services a day.",
     "Managed suppliers, stock rotation and HACCP food safety records.",
     "Trained apprentices in butchery and pastry.",
     "Catered events for up to 400 guests."],
    ["menu design", "food safety", "HACCP", "kitchen management", "pastry", "inventory control"],
    ["Culinary Arts Diploma", "City & Guilds Professional Cookery"], ["Chef who loves local produce and a calm kitchen."])
P["accountant"] = _plain("accountant", False, ["Accountant", "Senior Accountant", "Chartered Accountant"],
    ["Baker & Lowe LLP", "Summit Foods", "Northgate Council"],
    ["Prepared month-end close, journals and reconciliations.",
     "Managed accounts payable and VAT returns.",
     "Supported external audits and prepared statutory accounts under IFRS.",
     "Built Excel models for cash-flow forecasting.",
     "Implemented Xero for a group of small clients."],
    ["IFRS", "Excel", "Xero", "SAP", "auditing", "tax", "payroll"],
    ["ACCA qualified", "B.A. Accounting and Finance"], ["Detail-minded accountant with audit and industry experience."])
P["teacher"] = _plain("teacher", False, ["Secondary School Teacher", "Mathematics Teacher", "Primary Teacher"],
    ["Hillview Academy", "Oakridge High School", "St. Anne's Primary"],
    ["Taught mathematics to classes of 30 students aged 11–16.",
     "Planned lessons and assessments aligned to the national curriculum.",
     "Raised GCSE pass rates from 62% to 78%.",
     "Ran the after-school coding club using Scratch.",
     "Communicated progress to parents and led a team of four teachers."],
    ["lesson planning", "classroom management", "curriculum design", "assessment", "communication", "mentoring"],
    ["PGCE Secondary Mathematics", "B.Ed. Primary Education", "B.Sc. Mathematics"],
    ["Teacher who makes maths make sense."])
P["lawyer"] = _plain("lawyer", False, ["Associate Solicitor", "Corporate Lawyer", "Legal Counsel"],
    ["Hartley & Moss", "Vantage Group Legal", "Ellis Chambers"],
    ["Drafted and negotiated commercial contracts and NDAs.",
     "Advised on data protection and GDPR compliance for clients.",
     "Led due diligence for M&A transactions up to 200M.",
     "Managed litigation timelines and instructed counsel.",
     "Advised on intellectual property licensing."],
    ["contract law", "GDPR", "litigation", "due diligence", "negotiation", "legal research"],
    ["LL.B. Law", "Legal Practice Course", "J.D."], ["Commercial lawyer with a practical streak."])
P["sales"] = _plain("sales", False, ["Account Executive", "Sales Manager", "Business Development Representative"],
    ["Cloudnine Software", "Apex Office Supplies", "Vertex Medical Devices"],
    ["Closed 1.8M in new annual revenue, 130% of quota.",
     "Managed a pipeline of 60 accounts in Salesforce.",
     "Ran product demos and negotiated renewals.",
     "Built relationships with procurement and C-level buyers.",
     "Coached three junior reps."],
    ["Salesforce", "negotiation", "prospecting", "CRM", "presentation skills", "account management"],
    ["B.A. Business", "B.A. Psychology"], ["Sales professional who listens first."])
P["hr"] = _plain("hr", False, ["HR Business Partner", "Talent Acquisition Specialist", "HR Generalist"],
    ["Northwind Retail", "Helios Energy", "Cobalt Consulting"],
    ["Ran end-to-end recruitment for 80 hires a year.",
     "Advised managers on employee relations and performance plans.",
     "Rolled out a new HRIS (Workday) and onboarding process.",
     "Designed engagement surveys and acted on the results."],
    ["recruitment", "employee relations", "Workday", "onboarding", "employment law", "coaching"],
    ["CIPD Level 5", "B.A. Human Resource Management"], ["People partner with a pragmatic approach."])
P["electrician"] = _plain("electrician", False, ["Electrician", "Maintenance Electrician", "Electrical Supervisor"],
    ["BrightSpark Electrical", "Metro Facilities", "Northline Construction"],
    ["Installed and tested domestic and commercial wiring to code.",
     "Fault-found on three-phase motors and control panels.",
     "Read drawings and planned jobs for a crew of five.",
     "Completed PAT testing and inspection certificates."],
    ["electrical installation", "fault finding", "PLC basics", "health and safety", "blueprint reading"],
    ["NVQ Level 3 Electrotechnical", "Apprenticeship, Electrical Installation"], ["Qualified electrician, safety first."])
P["designer"] = _plain("designer", False, ["Graphic Designer", "Brand Designer", "Visual Designer"],
    ["Studio Fold", "Juniper Agency", "Kite Publishing"],
    ["Designed brand identities, packaging and print campaigns.",
     "Produced layouts in Adobe InDesign, Illustrator and Photoshop.",
     "Presented concepts to clients and managed revisions.",
     "Explored Midjourney for early mood boards."],
    ["Adobe Illustrator", "Photoshop", "InDesign", "typography", "branding", "Figma"],
    ["B.A. Graphic Design"], ["Designer with an eye for type."])
P["project-manager"] = _plain("pm", False, ["Project Manager", "Construction Project Manager", "Programme Manager"],
    ["Keystone Builders", "Unity Housing", "Arcadia Events"],
    ["Delivered a 12M housing project on time and 4% under budget.",
     "Managed schedules in MS Project and risks in a RAID log.",
     "Chaired weekly meetings with contractors and stakeholders.",
     "Introduced PRINCE2 reporting across the portfolio."],
    ["PRINCE2", "MS Project", "risk management", "budgeting", "stakeholder management", "leadership"],
    ["PMP certification", "B.Sc. Civil Engineering"], ["Project manager who keeps promises."])
P["pharmacist"] = _plain("pharmacist", False, ["Pharmacist", "Clinical Pharmacist"],
    ["Wellcare Pharmacy", "Royal Infirmary"],
    ["Dispensed and checked prescriptions; counselled patients.",
     "Reviewed medication charts with ward doctors.",
     "Managed controlled-drug records and stock."],
    ["pharmacology", "patient counselling", "medicines management", "clinical audit"],
    ["M.Pharm. Pharmacy"], ["Pharmacist focused on safe medicines use."])
P["logistics"] = _plain("logistics", False, ["Logistics Coordinator", "Warehouse Manager", "Supply Chain Planner"],
    ["Swift Freight", "Coastal Distribution", "Maple Grocers"],
    ["Planned inbound and outbound shipments for 3 warehouses.",
     "Managed a team of 25 warehouse operatives.",
     "Improved pick accuracy to 99.6% with new slotting.",
     "Tracked KPIs in Excel and the WMS."],
    ["inventory management", "WMS", "Excel", "forklift licence", "team leadership", "procurement"],
    ["Diploma in Logistics", "B.A. Business"], ["Operations person who likes things on time."])
P["journalist"] = _plain("journalist", False, ["Reporter", "Features Writer", "Editor"],
    ["The Daily Ledger", "Metro Weekly", "Newsdesk Online"],
    ["Reported on local government and public health.",
     "Wrote 300+ articles and long-form features.",
     "Edited copy and managed freelance contributors.",
     "Produced a weekly podcast."],
    ["writing", "editing", "interviewing", "fact-checking", "CMS", "social media"],
    ["B.A. Journalism", "NCTJ Diploma"], ["Journalist who follows the story."])
P["customer-service"] = _plain("cs", False, ["Customer Service Advisor", "Team Leader, Contact Centre"],
    ["Telco Direct", "Homeware Express"],
    ["Handled 80 calls a day with 94% satisfaction.",
     "Resolved escalated complaints and processed refunds.",
     "Trained new advisors on the CRM system.",
     "Led a team of 10 advisors."],
    ["customer service", "CRM", "complaint handling", "active listening", "teamwork"],
    ["High school diploma", "BTEC Business"], ["Friendly, patient and organised."])
P["physio"] = _plain("physio", False, ["Physiotherapist", "Senior Physiotherapist"],
    ["Active Life Clinic", "City Sports Medicine"],
    ["Assessed and treated musculoskeletal patients.",
     "Designed rehabilitation programmes after surgery.",
     "Ran Pilates-based group classes."],
    ["manual therapy", "rehabilitation", "exercise prescription", "patient assessment"],
    ["B.Sc. Physiotherapy"], ["Physiotherapist helping people move again."])

# how many of each (60+ in all)
COUNTS = {
    "ml-engineer": 6, "data-scientist": 6, "llm-engineer": 7, "mlops-engineer": 3, "ai-researcher": 3,
    "nlp-engineer": 2, "cv-engineer": 2,
    "backend-developer": 3, "frontend-developer": 2, "mobile-developer": 1, "devops-engineer": 2,
    "embedded-engineer": 1, "data-analyst": 3, "financial-analyst": 2, "marketing-analyst": 2, "business-analyst": 2,
    "nurse": 2, "chef": 2, "accountant": 2, "teacher": 2, "lawyer": 2, "sales": 2, "hr": 1, "electrician": 1,
    "designer": 1, "project-manager": 1, "pharmacist": 1, "logistics": 1, "journalist": 1, "customer-service": 1,
    "physio": 1,
}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"]


def _date(rng: random.Random, style: int, year: int, month: int) -> str:
    if style == 0:
        return str(year)
    if style == 1:
        return f"{MONTHS[month - 1]} {year}"
    if style == 2:
        return f"{month:02d}/{year}"
    return f"{FULL[month - 1]} {year}"


def _jobs(rng: random.Random, prof: dict, n: int) -> list[dict]:
    """n jobs, most recent first, ending now or recently."""
    jobs = []
    end_year = 2026 if rng.random() < 0.8 else rng.choice([2024, 2025])
    current = end_year == 2026
    end_month = rng.randint(1, 10)
    for i in range(n):
        length = rng.randint(1, 4)
        start_year, start_month = end_year - length, rng.randint(1, 12)
        jobs.append(dict(title=rng.choice(prof["titles"]), employer=rng.choice(prof["employers"]),
                         start=(start_year, start_month), end=None if (current and i == 0) else (end_year, end_month),
                         bullets=rng.sample(prof["bullets"], k=min(len(prof["bullets"]), rng.randint(2, 4)))))
        end_year, end_month = start_year, start_month
    return jobs


def _range(rng, style, job, sep) -> str:
    start = _date(rng, style, *job["start"])
    end = rng.choice(["Present", "present", "Current", "Now"]) if job["end"] is None else _date(rng, style, *job["end"])
    return f"{start}{sep}{end}"


def render(rng: random.Random, key: str, prof: dict, name: str, pronoun: str) -> tuple[str, str]:
    layout = rng.randrange(5)
    style = rng.randrange(4)
    sep = rng.choice([" – ", " - ", " to ", "–", " — "])
    jobs = _jobs(rng, prof, rng.randint(2, 3))
    skills = rng.sample(prof["skills"], k=min(len(prof["skills"]), rng.randint(5, 9)))
    edu = rng.choice(prof["education"])
    edu_year = jobs[-1]["start"][0] - rng.randint(0, 2)
    city = rng.choice(CITIES)
    email = f"{name.split()[0].lower()}.{name.split()[1].lower()}@example.org"
    summary = rng.choice(prof["summary"])
    lines: list[str] = []
    if layout == 0:  # Markdown
        lines += [f"# {name}", "", f"{city} · {email}", "", "## Summary", "", summary, "", "## Experience", ""]
        for j in jobs:
            lines += [f"### {j['title']}, {j['employer']}", f"*{_range(rng, style, j, sep)}*", ""]
            lines += [f"- {b}" for b in j["bullets"]] + [""]
        lines += ["## Skills", "", ", ".join(skills), "", "## Education", "", f"{edu} ({edu_year})", ""]
        ext = "md"
    elif layout == 1:  # UPPER-CASE headings, plain text
        lines += [name.upper(), city, email, "", "PROFILE", summary, "", "PROFESSIONAL EXPERIENCE", ""]
        for j in jobs:
            lines += [f"{j['employer']} | {j['title']} | {_range(rng, style, j, sep)}"]
            lines += [f"  • {b}" for b in j["bullets"]] + [""]
        lines += ["EDUCATION", f"{edu}, {edu_year}", "", "SKILLS", " | ".join(skills), ""]
        ext = "txt"
    elif layout == 2:  # "Label:" headings, skills first
        lines += [name, f"Email: {email}", f"Location: {city}", "", "Key Skills:", *[f"- {s}" for s in skills], "",
                  "Work History:"]
        for j in jobs:
            lines += ["", f"{j['title']} at {j['employer']} ({_range(rng, style, j, sep)})"]
            lines += [f"* {b}" for b in j["bullets"]]
        lines += ["", "Education:", f"{edu} — {edu_year}", ""]
        ext = "txt"
    elif layout == 3:  # prose-heavy
        lines += [f"{name}", f"{city}", "", "About me", f"{summary} {pronoun.capitalize()} enjoys learning from colleagues.",
                  "", "Experience", ""]
        for j in jobs:
            lines += [f"{j['title']}, {j['employer']}", _range(rng, style, j, sep),
                      " ".join(j["bullets"]), ""]
        lines += ["Education", f"{edu}, graduated {edu_year}", "", "Technical skills",
                  ", ".join(skills) + ".", ""]
        ext = "md" if rng.random() < 0.5 else "txt"
    else:  # compact one-line entries, bold markdown labels
        lines += [f"**{name}** — {rng.choice(prof['titles'])}", f"{email} | {city}", "", "**Experience**"]
        for j in jobs:
            lines += [f"- {_range(rng, style, j, sep)}: {j['title']}, {j['employer']}. " + " ".join(j["bullets"][:2])]
        lines += ["", "**Skills**", ", ".join(skills), "", "**Education**", f"{edu}, {edu_year}", ""]
        ext = "md"
    return "\n".join(lines), ext


def main() -> None:
    rng = random.Random(20240611)
    for old in HERE.glob("cv-*.*"):
        old.unlink()
    rows = []
    i = 0
    for key, n in COUNTS.items():
        for _ in range(n):
            i += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            pronoun = rng.choice(["she", "he", "they"])
            text, ext = render(rng, key, P[key], name, pronoun)
            fname = f"cv-{i:03d}.{ext}"
            (HERE / fname).write_text(text, encoding="utf-8")
            rows.append({"file": fname, "profession": key, "relevant": int(P[key]["relevant"])})
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "profession", "relevant"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} résumés ({sum(r['relevant'] for r in rows)} AI/ML)")


if __name__ == "__main__":
    main()
